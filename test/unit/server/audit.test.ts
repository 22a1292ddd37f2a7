import { createHash } from "node:crypto";
import { describe, expect } from "vitest";
import type { AuditEvent } from "../../../shared/api/schemas";
import { generateCredential } from "../../../shared/credential";
import { eachDatabase, it } from "../../support/server-fixtures";

// Written from API.md alone, apart from the server's code: JCS for the shapes events have.
function jcs(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jcs).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${jcs((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function verifyChain(events: AuditEvent[]): void {
  let prev = "0".repeat(64);
  events.forEach((event, index) => {
    expect(event.seq).toBe(index + 1);
    expect(event.prevHash).toBe(prev);
    const { hash, ...rest } = event;
    expect(createHash("sha256").update(prev + jcs(rest)).digest("hex")).toBe(hash);
    prev = hash;
  });
}

eachDatabase(() => {
  describe("audit events", () => {
    it("chains every change by hash, verifiable from the contract alone", async ({ ws }) => {
      const a = await ws.createKey("read", "a");
      await ws.call("POST", `/v1/api-keys/${a.key.id}/rotate`, { body: { graceSeconds: 3600 } });
      await ws.call("POST", `/v1/api-keys/${a.key.id}/revoke`, { body: { reason: "rotated" } });
      const { body } = await ws.call("GET", "/v1/audit-events?limit=1000");
      const types = body.events.map((event: AuditEvent) => event.type);
      expect(types).toEqual(["admin_token.created", "key.created", "key.created", "key.rotated", "key.revoked"]);
      verifyChain(body.events);
      expect(body.head).toEqual({ seq: 5, hash: body.events.at(-1).hash });
      expect(body.events[1]).toMatchObject({ actor: expect.stringMatching(/^admin_token:atk_/), keyId: a.key.id });
      const page = await ws.call("GET", "/v1/audit-events?after=3&limit=1");
      expect(page.body.events.map((event: AuditEvent) => event.seq)).toEqual([4]);
      expect(JSON.stringify(body)).not.toContain(a.secret);
    });

    it("aggregates refused requests into one auth.denied event per key, reason and minute", async ({ ws }) => {
      const { key, secret } = await ws.createKey("read");
      for (let i = 0; i < 7; i++) await ws.call("POST", "/v1/feedback", { token: secret, body: { title: "x" } });
      for (let i = 0; i < 3; i++) await ws.call("GET", "/v1/feedback", { token: generateCredential("test") });
      await ws.restart(); // shutdown writes the current minute too
      const { body } = await ws.call("GET", "/v1/audit-events?limit=1000");
      const denied = body.events.filter((event: AuditEvent) => event.type === "auth.denied");
      expect(denied).toHaveLength(2);
      expect(denied.find((event: AuditEvent) => event.keyId === key.id).data).toMatchObject({ reason: "insufficient_scope", count: 7, clients: ["127.0.0.1"] });
      expect(denied.find((event: AuditEvent) => event.keyId === undefined).data).toMatchObject({ reason: "unknown_credential", count: 3 });
      verifyChain(body.events);
    });
  });

  describe("audit event filters (extension)", () => {
    it("filters by key and type, and pages newest first with before", async ({ ws }) => {
      const a = await ws.createKey("read", "a");
      const b = await ws.createKey("read", "b");
      await ws.call("PATCH", `/v1/api-keys/${a.key.id}`, { body: { name: "a2" } });
      await ws.call("POST", `/v1/api-keys/${b.key.id}/revoke`, { body: { reason: "unused" } });
      await ws.call("POST", `/v1/api-keys/${a.key.id}/revoke`, { body: { reason: "other", note: "done" } });
      const all = (await ws.call("GET", "/v1/audit-events?limit=1000")).body;
      verifyChain(all.events);
      const forA = (await ws.call("GET", `/v1/audit-events?keyId=${a.key.id}`)).body;
      expect(forA.events.map((event: AuditEvent) => event.type)).toEqual(["key.created", "key.updated", "key.revoked"]);
      expect(forA.head).toEqual(all.head); // the head is always the whole chain's
      const revocations = (await ws.call("GET", "/v1/audit-events?type=key.revoked&order=desc")).body.events;
      expect(revocations.map((event: AuditEvent) => event.keyId)).toEqual([a.key.id, b.key.id]);
      const newest = (await ws.call("GET", "/v1/audit-events?order=desc&limit=2")).body.events.map((event: AuditEvent) => event.seq);
      expect(newest).toEqual([all.head.seq, all.head.seq - 1]);
      const older = (await ws.call("GET", `/v1/audit-events?order=desc&limit=2&before=${newest[1]}`)).body.events.map((event: AuditEvent) => event.seq);
      expect(older).toEqual([all.head.seq - 2, all.head.seq - 3]);
      expect((await ws.call("GET", `/v1/audit-events?after=1&before=4`)).body.events.map((event: AuditEvent) => event.seq)).toEqual([2, 3]);
      expect((await ws.call("GET", "/v1/audit-events?order=sideways")).status).toBe(400);
      expect((await ws.call("GET", "/v1/audit-events?before=0")).status).toBe(400);
    });
  });
});
