/**
 * Folds refused requests into one `auth.denied` audit event per key, reason and minute, so a flood
 * of bad requests cannot flood the audit log. Only the key id, the reason and a few client
 * addresses are kept: never the credential that was presented.
 */
const MAX_CLIENTS_PER_EVENT = 5;

export interface DeniedSummary {
  minute: string;
  keyId: string | null;
  reason: string;
  count: number;
  clients: string[];
}

export class DeniedAggregator {
  private buckets = new Map<string, DeniedSummary>();

  record(keyId: string | null, reason: string, ip: string, at: Date): void {
    const minute = at.toISOString().slice(0, 16) + ":00.000Z";
    const id = `${minute}|${keyId ?? ""}|${reason}`;
    let bucket = this.buckets.get(id);
    if (!bucket) {
      bucket = { minute, keyId, reason, count: 0, clients: [] };
      this.buckets.set(id, bucket);
    }
    bucket.count++;
    if (bucket.clients.length < MAX_CLIENTS_PER_EVENT && !bucket.clients.includes(ip)) bucket.clients.push(ip);
  }

  /** Takes the buckets of minutes that have ended (all of them when `everything`). */
  take(now: Date, everything: boolean): DeniedSummary[] {
    const currentMinute = now.toISOString().slice(0, 16) + ":00.000Z";
    const taken: DeniedSummary[] = [];
    for (const [id, bucket] of this.buckets) {
      if (everything || bucket.minute < currentMinute) {
        taken.push(bucket);
        this.buckets.delete(id);
      }
    }
    return taken;
  }

  /** Puts back buckets whose write failed, so no count is lost. */
  restore(summaries: DeniedSummary[]): void {
    for (const summary of summaries) {
      const id = `${summary.minute}|${summary.keyId ?? ""}|${summary.reason}`;
      const existing = this.buckets.get(id);
      if (existing) {
        existing.count += summary.count;
      } else {
        this.buckets.set(id, summary);
      }
    }
  }
}
