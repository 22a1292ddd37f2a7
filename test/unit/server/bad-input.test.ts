import net from "node:net";
import { describe, expect } from "vitest";
import { eachDatabase, it } from "../../support/server-fixtures";
import type { TestWorkspace } from "../../support/test-server";

/** Sends raw bytes, for what fetch refuses to send (non-ASCII headers). */
function rawRequest(url: string, head: Buffer): Promise<{ status: number; text: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1", () => socket.end(head));
    let data = "";
    socket.on("data", (chunk) => (data += chunk.toString("latin1")));
    socket.on("end", () => resolve({ status: Number(data.split(" ")[1]), text: data.slice(data.indexOf("\r\n\r\n") + 4) }));
    socket.on("error", reject);
  });
}

async function snapshot(ws: TestWorkspace): Promise<string> {
  const keys = await ws.call("GET", "/v1/api-keys?limit=1000");
  const events = await ws.call("GET", "/v1/audit-events?limit=1000");
  return JSON.stringify([keys.body, events.body.events.filter((event: { type: string }) => event.type !== "auth.denied")]);
}

eachDatabase(() => {
  describe("bad input", () => {
    it("answers each bad body with its documented error and changes nothing", async ({ ws }) => {
      const { key } = await ws.createKey("read", "existing");
      const before = await snapshot(ws);
      const cases: [string, string, number, string][] = [
        ["malformed JSON", '{"name": "x", "scope": ', 400, "not valid JSON"],
        ["unknown field", JSON.stringify({ name: "x", scope: "read", admin: true }), 400, "Unknown field in body: admin"],
        ["wrong type", JSON.stringify({ name: 42, scope: "read" }), 400, "body.name"],
        ["bad enum", JSON.stringify({ name: "x", scope: "root" }), 400, "body.scope"],
        ["empty name", JSON.stringify({ name: "   ", scope: "read" }), 400, "name must not be empty"],
        ["array body", "[]", 400, "invalid"],
        ["prototype key", '{"name":"x","scope":"read","__proto__":{"admin":true}}', 400, "__proto__"],
        ["body over 1 MiB", JSON.stringify({ name: "x", scope: "read", description: "a".repeat(1024 * 1024) }), 413, "1 MiB"],
      ];
      for (const [label, rawBody, status, text] of cases) {
        const answer = await ws.call("POST", "/v1/api-keys", { rawBody });
        expect(answer.status, label).toBe(status);
        expect(answer.body.error.code, label).toBe("invalid_request");
        expect(answer.body.error.message, label).toContain(text);
      }
      const revoke = await ws.call("POST", `/v1/api-keys/${key.id}/revoke`, { body: { reason: "bored" } });
      expect(revoke.body.error.message).toContain("body.reason");
      const noBody = await ws.call("POST", `/v1/api-keys/${key.id}/revoke`, {});
      expect(noBody.body.error).toMatchObject({ code: "invalid_request", message: "This request needs a JSON body." });
      const textBody = await ws.call("POST", "/v1/api-keys", { rawBody: "name=x", headers: { "content-type": "text/plain" } });
      expect(textBody.status).toBe(415);
      expect(textBody.body.error.code).toBe("invalid_request");
      const unknownQuery = await ws.call("GET", "/v1/api-keys?sort=name");
      expect(unknownQuery.body.error.message).toContain("sort");
      const badLimit = await ws.call("GET", "/v1/api-keys?limit=ten");
      expect(badLimit.body.error.message).toContain("query.limit");
      expect(await snapshot(ws)).toBe(before);
    });

    it("refuses a 10 KB Authorization header and non-ASCII credentials, and stays up", async ({ ws }) => {
      const before = await snapshot(ws);
      const long = await ws.call("GET", "/v1/feedback", { token: null, headers: { authorization: `Bearer ${"A".repeat(10 * 1024)}` } });
      expect(long.status).toBe(401);
      expect(long.body.error.code).toBe("malformed_credential");
      const nonAscii = Buffer.concat([
        Buffer.from("GET /v1/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer uo_live_"),
        Buffer.from("ÄÖÜ€".repeat(9) + "abc123", "utf8"),
        Buffer.from("\r\n\r\n"),
      ]);
      const answer = await rawRequest(ws.url, nonAscii);
      expect([400, 401]).toContain(answer.status);
      if (answer.status === 401) expect(JSON.parse(answer.text).error.code).toBe("malformed_credential");
      expect((await ws.call("GET", "/v1/api-keys")).status).toBe(200);
      expect(await snapshot(ws)).toBe(before);
    });

    it("answers unknown routes with 404 not_found in the API's error shape", async ({ ws }) => {
      const answer = await ws.call("GET", "/v1/nothing-here");
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe("not_found");
    });
  });
});
