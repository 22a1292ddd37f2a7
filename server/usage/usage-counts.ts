/** What the usage tracker keeps in memory per key between flushes, and how two batches merge. */
import { later, type PendingUse } from "../keys/key-row";

export interface DayCounts {
  requests: number;
  denied: number;
  reads: number;
  writes: number;
  settings: number;
}

export interface ClientCounts {
  ip: string;
  userAgent: string;
  firstSeenAt: string;
  lastSeenAt: string;
  requests: number;
}

export interface RefusalCounts {
  date: string;
  reason: string;
  count: number;
  lastAt: string;
}

export interface KeyCounts {
  use: PendingUse;
  days: Map<string, DayCounts>;
  clients: Map<string, ClientCounts>;
  refusals: Map<string, RefusalCounts>;
}

export function emptyCounts(): KeyCounts {
  return {
    use: { lastUse: null, previousDayUse: null, lastReadAt: null, lastWriteAt: null, lastSettingsAt: null, lastRefused: null },
    days: new Map(),
    clients: new Map(),
    refusals: new Map(),
  };
}

/** Adds an older batch (whose write failed) into a newer one. */
export function mergeOlder(into: KeyCounts, older: KeyCounts): void {
  const a = into.use;
  const b = older.use;
  if (b.lastUse) {
    if (!a.lastUse) {
      a.lastUse = b.lastUse;
      a.previousDayUse = b.previousDayUse;
    } else if (b.lastUse.at.slice(0, 10) < a.lastUse.at.slice(0, 10)) {
      a.previousDayUse = later(a.previousDayUse, b.lastUse.at);
    } else {
      a.previousDayUse = later(a.previousDayUse, b.previousDayUse);
    }
  }
  a.lastReadAt = later(a.lastReadAt, b.lastReadAt);
  a.lastWriteAt = later(a.lastWriteAt, b.lastWriteAt);
  a.lastSettingsAt = later(a.lastSettingsAt, b.lastSettingsAt);
  if (b.lastRefused && (!a.lastRefused || b.lastRefused.at > a.lastRefused.at)) a.lastRefused = b.lastRefused;
  for (const [date, day] of older.days) {
    const to = into.days.get(date);
    if (!to) into.days.set(date, day);
    else {
      to.requests += day.requests;
      to.denied += day.denied;
      to.reads += day.reads;
      to.writes += day.writes;
      to.settings += day.settings;
    }
  }
  for (const [id, client] of older.clients) {
    const to = into.clients.get(id);
    if (!to) into.clients.set(id, client);
    else {
      to.firstSeenAt = client.firstSeenAt;
      to.requests += client.requests;
    }
  }
  for (const [id, refusal] of older.refusals) {
    const to = into.refusals.get(id);
    if (!to) into.refusals.set(id, refusal);
    else to.count += refusal.count;
  }
}
