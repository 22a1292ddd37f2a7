/** An ApiKey as a server would answer it, for tests of code that reads keys (reminders, findings, reports). */
import { ApiKey } from "../../shared/api/schemas";

export function makeApiKey(id: string, extra: Partial<ApiKey> = {}): ApiKey {
  return ApiKey.parse({
    id,
    name: `Key ${id}`,
    description: "",
    scope: "read",
    environment: "live",
    display: "uo_live_Ab12Cd…9xYz",
    status: "active",
    createdAt: "2026-01-01T00:00:00.000Z",
    createdBy: "admin",
    expiresAt: null,
    revokedAt: null,
    revokedReason: null,
    lastUsedAt: null,
    lastUsedIp: null,
    lastUsedUserAgent: null,
    replacesId: null,
    replacedById: null,
    ...extra,
  });
}
