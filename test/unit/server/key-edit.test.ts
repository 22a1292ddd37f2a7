import { describe, expect } from "vitest";
import type { AuditEvent } from "../../../shared/api/schemas";
import { eachDatabase, it } from "../../support/server-fixtures";

eachDatabase(() => {
  describe("editing a key's labels (extension)", () => {
    it("changes name and description only, audits what changed, and whoami follows at once", async ({ ws }) => {
      const { key, secret } = await ws.createKey("write", "Zapier", { description: "old words" });
      expect((await ws.call("GET", "/v1/whoami", { token: secret })).body.name).toBe("Zapier");
      const edited = await ws.call("PATCH", `/v1/api-keys/${key.id}`, { body: { name: "Zapier (marketing)", description: "new words" } });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ id: key.id, name: "Zapier (marketing)", description: "new words", scope: "write", expiresAt: null, status: "active" });
      expect((await ws.call("GET", "/v1/whoami", { token: secret })).body.name).toBe("Zapier (marketing)");
      const nameOnly = await ws.call("PATCH", `/v1/api-keys/${key.id}`, { body: { name: "Zapier" } });
      expect(nameOnly.body).toMatchObject({ name: "Zapier", description: "new words" });
      // The same values again change nothing and write no event.
      expect((await ws.call("PATCH", `/v1/api-keys/${key.id}`, { body: { name: "Zapier" } })).status).toBe(200);
      const events = (await ws.call("GET", `/v1/audit-events?keyId=${key.id}&type=key.updated`)).body.events as AuditEvent[];
      expect(events.map((event) => event.data)).toEqual([
        { name: { from: "Zapier", to: "Zapier (marketing)" }, description: { from: "old words", to: "new words" } },
        { name: { from: "Zapier (marketing)", to: "Zapier" } },
      ]);
      expect(events[0]!.actor).toMatch(/^admin_token:atk_/);
    });

    it("refuses scope, expiry and unknown fields, an empty edit, and a bad name, changing nothing", async ({ ws }) => {
      const { key } = await ws.createKey("read", "Reporting");
      for (const body of [{ scope: "full" }, { expiresAt: new Date(Date.now() + 60_000).toISOString() }, { name: "x", environment: "test" }, {}, { name: "   " }, { name: "n".repeat(101) }]) {
        const answer = await ws.call("PATCH", `/v1/api-keys/${key.id}`, { body });
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body.error.code).toBe("invalid_request");
      }
      expect((await ws.call("GET", `/v1/api-keys/${key.id}`)).body).toMatchObject({ name: "Reporting", scope: "read", expiresAt: null });
      expect((await ws.call("PATCH", "/v1/api-keys/key_nope", { body: { name: "x" } })).status).toBe(404);
    });

    it("answers 409 conflict for a revoked or an expired key", async ({ ws }) => {
      const revoked = await ws.createKey("read", "old");
      await ws.call("POST", `/v1/api-keys/${revoked.key.id}/revoke`, { body: { reason: "unused" } });
      const answer = await ws.call("PATCH", `/v1/api-keys/${revoked.key.id}`, { body: { name: "renamed" } });
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe("conflict");
      const expiring = await ws.createKey("read", "short-lived");
      await ws.call("POST", `/v1/api-keys/${expiring.key.id}/schedule-expiry`, { body: { graceSeconds: 0 } });
      expect((await ws.call("PATCH", `/v1/api-keys/${expiring.key.id}`, { body: { description: "x" } })).status).toBe(409);
      expect((await ws.call("GET", `/v1/api-keys/${revoked.key.id}`)).body.name).toBe("old");
    });

    it("is for admin tokens only", async ({ ws }) => {
      const { key, secret } = await ws.createKey("full");
      const answer = await ws.call("PATCH", `/v1/api-keys/${key.id}`, { token: secret, body: { name: "self-renamed" } });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe("wrong_credential_kind");
    });
  });

  describe("who created and who revoked a key (extension)", () => {
    it("names the admin token by id at creation and by name at revocation, with the note", async ({ ws }) => {
      const { key } = await ws.createKey("read");
      const tokenId = (await ws.call("GET", "/v1/audit-events?type=admin_token.created")).body.events[0].data.tokenId;
      expect(key).toMatchObject({ createdBy: "test-admin", createdByTokenId: tokenId, revokedBy: null, revokedNote: null });
      const revoked = await ws.call("POST", `/v1/api-keys/${key.id}/revoke`, { body: { reason: "compromised", note: "pasted in chat" } });
      expect(revoked.body).toMatchObject({ revokedBy: "test-admin", revokedNote: "pasted in chat", revokedReason: "compromised" });
      const rotated = await ws.call("POST", `/v1/api-keys/${(await ws.createKey("read", "r")).key.id}/rotate`, { body: {} });
      expect(rotated.body.key.createdByTokenId).toBe(tokenId);
    });
  });
});
