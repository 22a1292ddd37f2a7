import { describe, expect } from "vitest";
import { generateCredential } from "../../../shared/credential";
import { eachDatabase, it } from "../../support/server-fixtures";

const code = (answer: { body: { error?: { code: string } } }) => answer.body.error?.code;

eachDatabase(() => {
  describe("authentication and scopes", () => {
    it("answers 401 missing_credential without a credential, with WWW-Authenticate", async ({ ws }) => {
      for (const route of ["/v1/api-keys", "/v1/feedback", "/v1/whoami"]) {
        const answer = await ws.call("GET", route, { token: null });
        expect(answer.status).toBe(401);
        expect(code(answer)).toBe("missing_credential");
        expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
      }
    });

    it("answers 401 malformed_credential for a bad header or a wrong checksum", async ({ ws }) => {
      const good = generateCredential("live");
      const wrongChecksum = good.slice(0, -1) + (good.endsWith("0") ? "1" : "0");
      for (const header of [`Basic ${good}`, "Bearer", `Bearer ${wrongChecksum}`, "Bearer uo_live_short", `Bearer ${good} extra`]) {
        const answer = await ws.call("GET", "/v1/feedback", { token: null, headers: { authorization: header } });
        expect(answer.status, header).toBe(401);
        expect(code(answer)).toBe("malformed_credential");
      }
    });

    it("refuses a wrong checksum without touching the database", async ({ ws }) => {
      const good = generateCredential("live");
      const wrongChecksum = good.slice(0, -1) + (good.endsWith("0") ? "1" : "0");
      // With the database gone, anything that reads it fails with 500; a checksum refusal cannot.
      await ws.server.db.destroy();
      const refused = await ws.call("GET", "/v1/feedback", { token: wrongChecksum });
      expect(refused.status).toBe(401);
      expect(code(refused)).toBe("malformed_credential");
      const looked = await ws.call("GET", "/v1/feedback", { token: good });
      expect(looked.status).toBe(500);
      ws.stop = () => ws.server.close().catch(() => undefined); // its database is already gone
    });

    it("answers 401 unknown_credential for a well-formed credential that was never issued", async ({ ws }) => {
      expect(code(await ws.call("GET", "/v1/feedback", { token: generateCredential("live") }))).toBe("unknown_credential");
      expect(code(await ws.call("GET", "/v1/api-keys", { token: generateCredential("admin") }))).toBe("unknown_credential");
    });

    it("gives a read key 403 insufficient_scope on POST, naming the scope required", async ({ ws }) => {
      const { secret } = await ws.createKey("read");
      const answer = await ws.call("POST", "/v1/feedback", { token: secret, body: { title: "Dark mode" } });
      expect(answer.status).toBe(403);
      expect(answer.body.error).toMatchObject({ code: "insufficient_scope", required: "write" });
      const before = await ws.call("GET", "/v1/feedback", { token: secret });
      expect(before.body.data).toEqual([]);
    });

    it("enforces read < write < full on every resource endpoint", async ({ ws }) => {
      const keys = { read: (await ws.createKey("read")).secret, write: (await ws.createKey("write")).secret, full: (await ws.createKey("full")).secret };
      const expectations: [string, string, unknown, "read" | "write" | "full"][] = [
        ["GET", "/v1/feedback", undefined, "read"],
        ["POST", "/v1/feedback", { title: "t" }, "write"],
        ["GET", "/v1/announcements", undefined, "read"],
        ["POST", "/v1/announcements", { title: "t" }, "write"],
        ["GET", "/v1/users", undefined, "read"],
        ["POST", "/v1/users", { name: "Ada", email: "ada@example.com" }, "write"],
        ["GET", "/v1/settings", undefined, "full"],
        ["PATCH", "/v1/settings", { workspaceName: "Acme" }, "full"],
      ];
      const rank = { read: 0, write: 1, full: 2 };
      for (const [method, route, body, needed] of expectations) {
        for (const scope of ["read", "write", "full"] as const) {
          const answer = await ws.call(method, route, { token: keys[scope], body });
          if (rank[scope] >= rank[needed]) expect(answer.status, `${scope} ${method} ${route}`).toBeLessThan(300);
          else expect(answer.body.error, `${scope} ${method} ${route}`).toMatchObject({ code: "insufficient_scope", required: needed });
        }
      }
    });

    it("answers 403 wrong_credential_kind for an admin token on a resource and a key on an admin endpoint", async ({ ws }) => {
      const { secret, key } = await ws.createKey("full");
      const adminOnResource = await ws.call("GET", "/v1/feedback");
      expect(adminOnResource.status).toBe(403);
      expect(code(adminOnResource)).toBe("wrong_credential_kind");
      for (const [method, route, body] of [
        ["GET", "/v1/api-keys", undefined],
        ["POST", "/v1/api-keys", { name: "minted", scope: "full" }],
        ["POST", `/v1/api-keys/${key.id}/rotate`, {}],
        ["POST", `/v1/api-keys/${key.id}/revoke`, { reason: "other" }],
        ["GET", "/v1/audit-events", undefined],
      ] as const) {
        const answer = await ws.call(method, route, { token: secret, body });
        expect(answer.status, route).toBe(403);
        expect(code(answer)).toBe("wrong_credential_kind");
      }
      // The key could not mint itself a successor or revoke itself.
      expect((await ws.call("GET", `/v1/api-keys/${key.id}`)).body).toMatchObject({ status: "active", replacedById: null });
      expect((await ws.call("GET", "/v1/api-keys")).body.keys).toHaveLength(1);
    });

  });

  describe("the failed-authentication limit", () => {
    it.override({ serverOptions: { rateLimit: { maxFailures: 5, windowMs: 1500 } } });

    it("answers 429 rate_limited to an address after too many failures, until the window ends", async ({ ws }) => {
      const { secret } = await ws.createKey("read");
      for (let i = 0; i < 5; i++) expect((await ws.call("GET", "/v1/feedback", { token: generateCredential("live") })).status).toBe(401);
      const blocked = await ws.call("GET", "/v1/feedback", { token: secret });
      expect(blocked.status).toBe(429);
      expect(code(blocked)).toBe("rate_limited");
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect((await ws.call("GET", "/v1/feedback", { token: secret })).status).toBe(200);
    });

    it("answers 429 to a limited address on every path: unknown routes, the public document, a bad body", async ({ ws }) => {
      for (let i = 0; i < 5; i++) expect((await ws.call("GET", "/v1/whoami", { token: generateCredential("live") })).status).toBe(401);
      for (const [method, route, rawBody] of [["GET", "/v1/nothing-here", undefined], ["GET", "/v1/openapi.json", undefined], ["POST", "/v1/api-keys", "{not json"]] as const) {
        const answer = await ws.call(method, route, { token: null, ...(rawBody ? { rawBody } : {}) });
        expect(answer.status, route).toBe(429);
        expect(Number(answer.headers.get("retry-after")), route).toBeGreaterThanOrEqual(1);
      }
    });

    it("does not count successful requests towards the limit", async ({ ws }) => {
      const { secret } = await ws.createKey("read");
      for (let i = 0; i < 20; i++) expect((await ws.call("GET", "/v1/feedback", { token: secret })).status).toBe(200);
      // Scope refusals are authenticated requests, not failed authentications.
      for (let i = 0; i < 5; i++) expect((await ws.call("POST", "/v1/feedback", { token: secret, body: { title: "x" } })).status).toBe(403);
      expect((await ws.call("GET", "/v1/feedback", { token: secret })).status).toBe(200);
    });

    it("ignores X-Forwarded-For unless the request comes from a trusted proxy", async ({ ws }) => {
      // The attack: a new forged address for every guess, to stay under the limit.
      for (let i = 0; i < 5; i++) {
        const answer = await ws.call("GET", "/v1/feedback", { token: generateCredential("live"), headers: { "x-forwarded-for": `198.51.100.${i}` } });
        expect(answer.status).toBe(401);
      }
      const next = await ws.call("GET", "/v1/feedback", { token: generateCredential("live"), headers: { "x-forwarded-for": "198.51.100.77" } });
      expect(next.status).toBe(429);
    });
  });

  describe("the failed-authentication limit behind a trusted proxy", () => {
    it.override({ serverOptions: { rateLimit: { maxFailures: 5, windowMs: 60_000 }, trustProxy: ["127.0.0.1"] } });
    const guess = (ws: { call: (method: string, route: string, options: object) => Promise<{ status: number }> }, address: string) =>
      ws.call("GET", "/v1/feedback", { token: generateCredential("live"), headers: { "x-forwarded-for": address } });

    it("counts IPv6 clients per /64: new addresses from one /64 do not get new attempts", async ({ ws }) => {
      for (let i = 1; i <= 5; i++) expect((await guess(ws, `2001:db8:1:2::${i.toString(16)}`)).status).toBe(401);
      // Another address in the same /64, written differently, is the same client.
      expect((await guess(ws, "2001:0db8:0001:0002:ffff:ffff:ffff:fffe")).status).toBe(429);
      // A different /64 is another client.
      expect((await guess(ws, "2001:db8:1:3::1")).status).toBe(401);
    });

    it("counts IPv4 per address and an IPv4-mapped IPv6 address as that IPv4 address", async ({ ws }) => {
      for (let i = 0; i < 5; i++) expect((await guess(ws, i % 2 ? "203.0.113.9" : "::ffff:203.0.113.9")).status).toBe(401);
      expect((await guess(ws, "203.0.113.9")).status).toBe(429);
      expect((await guess(ws, "::ffff:cb00:7109")).status).toBe(429); // 203.0.113.9, in hex
      expect((await guess(ws, "203.0.113.10")).status).toBe(401);
    });
  });
});
