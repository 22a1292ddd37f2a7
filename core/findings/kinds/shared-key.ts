/**
 * Shared key: one active key used by more than `sharedClientCount` distinct clients (IP address and
 * user agent) in the last `sharedWindowDays` UTC days. One key per integration keeps a revocation
 * from breaking several of them, and tells who made each request.
 */
import type { ApiKey } from "../../../shared/api/schemas";
import type { FindingContext } from "../context";
import type { FindingDraft } from "../draft";
import { plural } from "../format";

const LISTED_CLIENTS = 10;

export function sharedKey(key: ApiKey, ctx: FindingContext): FindingDraft | null {
  if (key.status !== "active" || !ctx.usage) return null;
  const seen = ctx.clientsOf(key.id);
  if (seen.length <= ctx.settings.sharedClientCount) return null;
  const start = ctx.windowStart(ctx.settings.sharedWindowDays);
  const clients = new Set<string>();
  for (const client of seen) {
    if (Date.parse(client.lastSeenAt) >= start) clients.add(`${client.ip} ${client.userAgent}`);
  }
  if (clients.size <= ctx.settings.sharedClientCount) return null;
  const ips = new Set([...clients].map((client) => client.slice(0, client.indexOf(" "))));
  return {
    severity: "medium",
    explanation: `Used by ${plural(clients.size, "client")} (${plural(ips.size, "address", "addresses")}) in the last ${plural(ctx.settings.sharedWindowDays, "day")}; more than ${ctx.settings.sharedClientCount} suggests several integrations share it: give each its own key.`,
    evidence: { clientCount: clients.size, addressCount: ips.size, windowDays: ctx.settings.sharedWindowDays, threshold: ctx.settings.sharedClientCount, clients: [...clients].slice(0, LISTED_CLIENTS) },
    actions: ["rotate"],
  };
}
