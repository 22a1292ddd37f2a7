/**
 * Recent usage from an audit bundle's events, so findings can be computed offline: each
 * `auth.denied` event carries `{reason, count, minute, clients}` for one key, reason and minute.
 * A bundle has no list of accepted clients, so `clients` is empty and the shared-key finding cannot
 * be made from a bundle. A refusal's `lastAt` is the start of the last minute it was seen in.
 */
import type { AuditEvent, RecentUsage } from "../../shared/api/schemas";
import { startOfUtcDay } from "../../shared/domain/days";

export function recentUsageFromEvents(events: Iterable<Pick<AuditEvent, "type" | "keyId" | "data">>, options: { now: Date; days: number }): RecentUsage {
  const sinceMs = startOfUtcDay(options.now.getTime(), -(options.days - 1));
  const since = new Date(sinceMs).toISOString();
  const byKeyReason = new Map<string, { keyId: string; reason: string; count: number; lastAt: string }>();
  for (const event of events) {
    if (event.type !== "auth.denied" || event.keyId === undefined) continue;
    const { reason, count, minute } = event.data as { reason?: unknown; count?: unknown; minute?: unknown };
    if (typeof reason !== "string" || typeof count !== "number" || typeof minute !== "string") continue;
    if (!(minute >= since)) continue;
    const id = `${event.keyId}\u0000${reason}`;
    const entry = byKeyReason.get(id);
    if (!entry) byKeyReason.set(id, { keyId: event.keyId, reason, count, lastAt: minute });
    else {
      entry.count += count;
      if (minute > entry.lastAt) entry.lastAt = minute;
    }
  }
  return { since, refusals: [...byKeyReason.values()], clients: [] };
}
