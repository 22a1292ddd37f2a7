import { describe, expect } from "vitest";
import { eachDatabase, it } from "../../support/server-fixtures";

// The server's clock, moved by the tests (requests are stamped with it; nothing waits for real time).
let clock = 0;
const at = (iso: string) => {
  clock = Date.parse(iso);
  return iso;
};

eachDatabase(() => {
  describe("usage detail for monitoring (extension)", () => {
    it.override({ serverOptions: { now: () => new Date(clock) } });

    it("keeps each key's last read, write, settings call and refusal, before and after they are written", async ({ ws }) => {
      at("2026-03-01T08:00:00.000Z");
      const full = await ws.createKey("full", "Admin scripts");
      const reader = await ws.createKey("read", "Dashboard");
      const readAt = at("2026-03-01T09:00:00.000Z");
      await ws.call("GET", "/v1/feedback", { token: full.secret });
      at("2026-03-01T09:05:00.000Z");
      await ws.call("POST", "/v1/feedback", { token: full.secret, body: { title: "t" } });
      const settingsAt = at("2026-03-01T09:10:00.000Z");
      await ws.call("PATCH", "/v1/settings", { token: full.secret, body: { workspaceName: "Acme" } });
      const refusedAt = at("2026-03-01T09:20:00.000Z");
      await ws.call("POST", "/v1/feedback", { token: reader.secret, body: { title: "t" } });
      const expectFull = { lastReadAt: readAt, lastWriteAt: settingsAt, lastSettingsAt: settingsAt, lastUsedAt: settingsAt, lastRefusedAt: null };
      const expectReader = { lastRefusedAt: refusedAt, lastRefusedReason: "insufficient_scope", lastUsedAt: null, lastReadAt: null };
      // Still in memory:
      expect((await ws.call("GET", `/v1/api-keys/${full.key.id}`)).body).toMatchObject(expectFull);
      expect((await ws.call("GET", `/v1/api-keys/${reader.key.id}`)).body).toMatchObject(expectReader);
      // Written, and read back by a new process:
      await ws.restart();
      expect((await ws.call("GET", `/v1/api-keys/${full.key.id}`)).body).toMatchObject(expectFull);
      expect((await ws.call("GET", `/v1/api-keys/${reader.key.id}`)).body).toMatchObject(expectReader);
      const usage = (await ws.call("GET", `/v1/api-keys/${full.key.id}/usage?days=1`)).body;
      expect(usage.daily).toEqual([{ date: "2026-03-01", requests: 3, denied: 0, reads: 1, writes: 2, settings: 1 }]);
    });

    it("keeps the last use on a day before the latest use's day (how long the key was idle)", async ({ ws }) => {
      at("2026-03-01T08:00:00.000Z");
      const { key, secret } = await ws.createKey("read");
      const use = async (iso: string) => {
        at(iso);
        expect((await ws.call("GET", "/v1/whoami", { token: secret })).status).toBe(200);
      };
      const view = async () => (await ws.call("GET", `/v1/api-keys/${key.id}`)).body;
      await use("2026-03-01T10:00:00.000Z");
      expect((await view()).previousUseAt).toBeNull();
      await use("2026-03-01T11:00:00.000Z");
      await ws.server.housekeeping();
      await use("2026-03-04T09:00:00.000Z"); // in memory only
      expect(await view()).toMatchObject({ lastUsedAt: "2026-03-04T09:00:00.000Z", previousUseAt: "2026-03-01T11:00:00.000Z" });
      await ws.server.housekeeping(); // the same, computed by the database
      expect(await view()).toMatchObject({ lastUsedAt: "2026-03-04T09:00:00.000Z", previousUseAt: "2026-03-01T11:00:00.000Z" });
      await use("2026-03-04T10:00:00.000Z"); // same day: the previous day's use stays
      await ws.server.housekeeping();
      expect(await view()).toMatchObject({ lastUsedAt: "2026-03-04T10:00:00.000Z", previousUseAt: "2026-03-01T11:00:00.000Z" });
      // Two days inside one unwritten batch.
      await use("2026-03-06T23:59:00.000Z");
      await use("2026-03-07T00:01:00.000Z");
      expect((await view()).previousUseAt).toBe("2026-03-06T23:59:00.000Z");
      await ws.restart();
      expect(await view()).toMatchObject({ lastUsedAt: "2026-03-07T00:01:00.000Z", previousUseAt: "2026-03-06T23:59:00.000Z" });
    });

    it("reports a key's refusals per reason over the asked days", async ({ ws }) => {
      at("2026-03-01T08:00:00.000Z");
      const { key, secret } = await ws.createKey("read");
      at("2026-03-01T09:00:00.000Z");
      await ws.call("POST", "/v1/feedback", { token: secret, body: { title: "t" } });
      const lastScope = at("2026-03-01T09:30:00.000Z");
      await ws.call("POST", "/v1/feedback", { token: secret, body: { title: "t" } });
      await ws.server.housekeeping();
      const lastKind = at("2026-03-03T12:00:00.000Z");
      await ws.call("GET", "/v1/api-keys", { token: secret });
      const week = (await ws.call("GET", `/v1/api-keys/${key.id}/usage?days=7`)).body;
      expect(week.refusals).toEqual([
        { reason: "insufficient_scope", count: 2, lastAt: lastScope },
        { reason: "wrong_credential_kind", count: 1, lastAt: lastKind },
      ]);
      expect(week.daily.map((day: { denied: number }) => day.denied)).toEqual([0, 0, 0, 0, 2, 0, 1]);
      const today = (await ws.call("GET", `/v1/api-keys/${key.id}/usage?days=1`)).body;
      expect(today.refusals).toEqual([{ reason: "wrong_credential_kind", count: 1, lastAt: lastKind }]);
    });

    it("answers every key's recent refusals and clients since the window start", async ({ ws }) => {
      at("2026-02-01T08:00:00.000Z");
      const old = await ws.createKey("read", "old integration");
      const leaked = await ws.createKey("read", "leaked");
      const busy = await ws.createKey("write", "busy");
      at("2026-02-10T10:00:00.000Z");
      await ws.call("GET", "/v1/feedback", { token: old.secret, headers: { "user-agent": "old-agent" } });
      await ws.server.housekeeping();
      at("2026-03-01T08:00:00.000Z");
      await ws.call("POST", `/v1/api-keys/${leaked.key.id}/revoke`, { body: { reason: "compromised" } });
      const refusedAt = at("2026-03-02T10:00:00.000Z");
      for (let i = 0; i < 3; i++) await ws.call("GET", "/v1/feedback", { token: leaked.secret });
      for (const agent of ["a/1", "b/1"]) await ws.call("GET", "/v1/feedback", { token: busy.secret, headers: { "user-agent": agent } });
      at("2026-03-05T12:00:00.000Z");
      const recent = await ws.call("GET", "/v1/usage/recent");
      expect(recent.status).toBe(200);
      expect(recent.body.since).toBe("2026-02-27T00:00:00.000Z");
      expect(recent.body.refusals).toEqual([{ keyId: leaked.key.id, reason: "revoked_key", count: 3, lastAt: refusedAt }]);
      expect(recent.body.clients.map((client: { keyId: string; userAgent: string; requests: number }) => [client.keyId, client.userAgent, client.requests]).sort()).toEqual([
        [busy.key.id, "a/1", 1],
        [busy.key.id, "b/1", 1],
      ]);
      const longer = (await ws.call("GET", "/v1/usage/recent?days=30")).body;
      expect(longer.clients.map((client: { keyId: string }) => client.keyId)).toContain(old.key.id);
      for (const days of ["0", "91", "x"]) expect((await ws.call("GET", `/v1/usage/recent?days=${days}`)).status).toBe(400);
      expect((await ws.call("GET", "/v1/usage/recent", { token: busy.secret })).status).toBe(403);
    });
  });
});
