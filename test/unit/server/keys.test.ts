import { describe, expect } from "vitest";
import { ApiKey } from "../../../shared/api/schemas";
import { parseCredential } from "../../../shared/credential";
import { eachDatabase, it } from "../../support/server-fixtures";
import { sha256Hex } from "../../../server/keys/key-store";

eachDatabase(() => {
  describe("API keys", () => {
    it("creates a key whose secret is shown once and works at once", async ({ ws }) => {
      const created = await ws.createKey("read", "CI/CD Pipeline", { description: "deploys", environment: "test" });
      expect(ApiKey.parse(created.key)).toBeTruthy();
      expect(parseCredential(created.secret)).toMatchObject({ ok: true, credential: { environment: "test" } });
      expect(created.key).toMatchObject({ name: "CI/CD Pipeline", description: "deploys", scope: "read", environment: "test", status: "active", createdBy: "test-admin" });
      expect(created.key.display).toBe(`${created.secret.slice(0, 14)}…${created.secret.slice(-4)}`);
      const whoami = await ws.call("GET", "/v1/whoami", { token: created.secret });
      expect(whoami.status).toBe(200);
      expect(whoami.body).toEqual({ keyId: created.key.id, name: "CI/CD Pipeline", scope: "read", environment: "test" });
      const fetched = await ws.call("GET", `/v1/api-keys/${created.key.id}`);
      expect(JSON.stringify(fetched.body)).not.toContain(created.secret);
    });

    it("lists newest first, in pages joined by a cursor, filtered by status", async ({ ws }) => {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await ws.createKey("read", `key ${i}`)).key.id);
      await ws.call("POST", `/v1/api-keys/${ids[1]}/revoke`, { body: { reason: "unused" } });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await ws.call("GET", `/v1/api-keys?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.status).toBe(200);
        expect(page.body.keys.length).toBeLessThanOrEqual(3);
        seen.push(...page.body.keys.map((key: ApiKey) => key.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());
      const revoked = await ws.call("GET", "/v1/api-keys?status=revoked");
      expect(revoked.body.keys.map((key: ApiKey) => key.id)).toEqual([ids[1]]);
      const active = await ws.call("GET", "/v1/api-keys?status=active");
      expect(active.body.keys).toHaveLength(6);
      expect((await ws.call("GET", "/v1/api-keys?limit=1001")).status).toBe(400);
      expect((await ws.call("GET", "/v1/api-keys?cursor=bm9wZQ")).body.error.code).toBe("invalid_request");
    });

    it("revokes at once, idempotently, and the key is refused on the very next request", async ({ ws }) => {
      const { key, secret } = await ws.createKey("write");
      expect((await ws.call("GET", "/v1/feedback", { token: secret })).status).toBe(200);
      const revoked = await ws.call("POST", `/v1/api-keys/${key.id}/revoke`, { body: { reason: "compromised", note: "pasted in chat" } });
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ status: "revoked", revokedReason: "compromised" });
      const refused = await ws.call("GET", "/v1/feedback", { token: secret });
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe("revoked_key");
      expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const again = await ws.call("POST", `/v1/api-keys/${key.id}/revoke`, { body: { reason: "other" } });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ revokedReason: "compromised", revokedAt: revoked.body.revokedAt });
    });

    it("rotates into a linked successor with the same name and scope, or a new scope", async ({ ws }) => {
      const { key, secret } = await ws.createKey("write", "Zapier Integration");
      const rotated = await ws.call("POST", `/v1/api-keys/${key.id}/rotate`, { body: {} });
      expect(rotated.status).toBe(201);
      expect(rotated.body.key).toMatchObject({ name: "Zapier Integration", scope: "write", environment: "live", replacesId: key.id, status: "active" });
      expect(rotated.body.previous).toMatchObject({ id: key.id, replacedById: rotated.body.key.id, status: "active", expiresAt: null });
      // Without a grace period the old key keeps working until it is revoked.
      expect((await ws.call("GET", "/v1/whoami", { token: secret })).status).toBe(200);
      expect((await ws.call("GET", "/v1/whoami", { token: rotated.body.secret })).status).toBe(200);
      // A key is rotated once; its successor is the one to rotate next.
      expect((await ws.call("POST", `/v1/api-keys/${key.id}/rotate`, { body: {} })).body.error.code).toBe("conflict");
      // Unless that successor was revoked: the rotation was abandoned.
      const abandoned = await ws.createKey("read", "abandoned");
      const first = await ws.call("POST", `/v1/api-keys/${abandoned.key.id}/rotate`, { body: {} });
      await ws.call("POST", `/v1/api-keys/${first.body.key.id}/revoke`, { body: { reason: "other" } });
      const second = await ws.call("POST", `/v1/api-keys/${abandoned.key.id}/rotate`, { body: {} });
      expect(second.status).toBe(201);
      expect(second.body.previous.replacedById).toBe(second.body.key.id);
      const rescoped = await ws.call("POST", `/v1/api-keys/${rotated.body.key.id}/rotate`, { body: { scope: "read" } });
      expect(rescoped.body.key.scope).toBe("read");
      // An empty body is allowed for rotate.
      const plain = await ws.createKey("read", "no body");
      const noBody = await fetch(`${ws.url}/v1/api-keys/${plain.key.id}/rotate`, { method: "POST", headers: { authorization: `Bearer ${ws.adminToken}` } });
      expect(noBody.status).toBe(201);
    });

    it("rotates with a grace period: the old key works, then expires on its own", async ({ ws }) => {
      const { key, secret } = await ws.createKey("read");
      const rotated = await ws.call("POST", `/v1/api-keys/${key.id}/rotate`, { body: { graceSeconds: 1 } });
      expect(rotated.body.previous.expiresAt).not.toBeNull();
      expect((await ws.call("GET", "/v1/whoami", { token: secret })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const refused = await ws.call("GET", "/v1/whoami", { token: secret });
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe("expired_key");
      expect((await ws.call("GET", `/v1/api-keys/${key.id}`)).body.status).toBe("expired");
      expect((await ws.call("GET", "/v1/whoami", { token: rotated.body.secret })).status).toBe(200);
      await ws.server.housekeeping();
      const events = (await ws.call("GET", "/v1/audit-events?limit=1000")).body.events;
      expect(events.filter((event: { type: string; keyId?: string }) => event.type === "key.expired" && event.keyId === key.id)).toHaveLength(1);
      // Rotating an expired key contradicts its state.
      expect((await ws.call("POST", `/v1/api-keys/${key.id}/rotate`, { body: {} })).status).toBe(409);
    });

    it("refuses to rotate a revoked key with 409 and rejects a grace period out of range", async ({ ws }) => {
      const { key } = await ws.createKey("read");
      expect((await ws.call("POST", `/v1/api-keys/${key.id}/rotate`, { body: { graceSeconds: 2_592_001 } })).status).toBe(400);
      await ws.call("POST", `/v1/api-keys/${key.id}/revoke`, { body: { reason: "unused" } });
      const answer = await ws.call("POST", `/v1/api-keys/${key.id}/rotate`, { body: { graceSeconds: 60 } });
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe("conflict");
    });

    it("honours an expiry given at creation and refuses one in the past", async ({ ws }) => {
      const soon = new Date(Date.now() + 600).toISOString();
      const { secret } = await ws.createKey("read", "short-lived", { expiresAt: soon });
      expect((await ws.call("GET", "/v1/whoami", { token: secret })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect((await ws.call("GET", "/v1/whoami", { token: secret })).body.error.code).toBe("expired_key");
      const past = await ws.call("POST", "/v1/api-keys", { body: { name: "x", scope: "read", expiresAt: "2020-01-01T00:00:00.000Z" } });
      expect(past.status).toBe(400);
      expect(past.body.error.message).toContain("expiresAt");
    });

    it("answers 404 for an unknown key on every key endpoint", async ({ ws }) => {
      for (const [method, route, body] of [
        ["GET", "/v1/api-keys/key_nope", undefined],
        ["POST", "/v1/api-keys/key_nope/revoke", { reason: "other" }],
        ["POST", "/v1/api-keys/key_nope/rotate", {}],
        ["GET", "/v1/api-keys/key_nope/usage", undefined],
      ] as const) {
        const answer = await ws.call(method, route, { body });
        expect(answer.status, route).toBe(404);
        expect(answer.body.error.code).toBe("not_found");
      }
    });

    it("looks up leaked candidates by SHA-256 only", async ({ ws }) => {
      const mine = await ws.createKey("read");
      const answer = await ws.call("POST", "/v1/api-keys/lookup", { body: { sha256: [sha256Hex(mine.secret), "a".repeat(64)] } });
      expect(answer.status).toBe(200);
      expect(answer.body.matches).toEqual([{ sha256: sha256Hex(mine.secret), key: expect.objectContaining({ id: mine.key.id }) }]);
      const tooMany = await ws.call("POST", "/v1/api-keys/lookup", { body: { sha256: Array.from({ length: 1001 }, () => "b".repeat(64)) } });
      expect(tooMany.status).toBe(400);
      const notHex = await ws.call("POST", "/v1/api-keys/lookup", { body: { sha256: [mine.secret] } });
      expect(notHex.body.error.message).toContain("sha256.0");
    });
  });

  describe("scheduled expiry (extension)", () => {
    it("lets the old key of a rotation expire by itself after a grace period chosen later", async ({ ws }) => {
      const { key, secret } = await ws.createKey("write", "Webhook Handler");
      const rotated = await ws.call("POST", `/v1/api-keys/${key.id}/rotate`, { body: {} });
      expect(rotated.body.previous.expiresAt).toBeNull();
      const scheduled = await ws.call("POST", `/v1/api-keys/${key.id}/schedule-expiry`, { body: { graceSeconds: 1 } });
      expect(scheduled.status).toBe(200);
      expect(Date.parse(scheduled.body.expiresAt) - Date.now()).toBeLessThanOrEqual(1000);
      // A longer grace never extends an earlier expiry.
      const again = await ws.call("POST", `/v1/api-keys/${key.id}/schedule-expiry`, { body: { graceSeconds: 3600 } });
      expect(again.body.expiresAt).toBe(scheduled.body.expiresAt);
      expect((await ws.call("GET", "/v1/whoami", { token: secret })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await ws.call("GET", "/v1/whoami", { token: secret })).body.error.code).toBe("expired_key");
      expect((await ws.call("GET", "/v1/whoami", { token: rotated.body.secret })).status).toBe(200);
      expect((await ws.call("POST", `/v1/api-keys/${key.id}/schedule-expiry`, { body: { graceSeconds: 60 } })).status).toBe(409);
      const events = (await ws.call("GET", "/v1/audit-events?limit=100")).body.events;
      expect(events.filter((event: { type: string }) => event.type === "key.expiry_scheduled")).toHaveLength(2);
      expect((await ws.call("POST", `/v1/api-keys/${key.id}/schedule-expiry`, { body: { graceSeconds: -1 } })).status).toBe(400);
    });
  });
});
