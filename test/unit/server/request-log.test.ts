import fs from "node:fs";
import path from "node:path";
import { describe, expect } from "vitest";
import { it } from "../../support/server-fixtures";
import { tempDir } from "../../support/test-server";

const logFile = path.join(tempDir("request-log"), "requests.log");

describe("the request log", () => {
  it.override({ serverOptions: { requestLog: { file: logFile } } });

  it("writes one line per request, flushed at shutdown, and never a credential", async ({ ws }) => {
    const { key, secret } = await ws.createKey("read", "logged");
    await ws.call("GET", "/v1/whoami", { token: secret });
    await ws.call("GET", `/v1/feedback?token=${secret}`, { token: secret }); // a query string is never logged
    await ws.call("GET", `/v1/${secret}`, { token: null }); // nor a credential put in the path by mistake
    await ws.call("POST", "/v1/feedback", { token: secret, body: { title: "x" } });
    expect((await ws.call("GET", "/v1/audit-export")).status).toBe(200); // streamed, yet logged like every answer
    await ws.stop();
    ws.stop = async () => undefined;
    const text = fs.readFileSync(logFile, "utf8");
    const lines = text.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => [line.method, line.path, line.status])).toEqual([
      ["POST", "/v1/api-keys", 201],
      ["GET", "/v1/whoami", 200],
      ["GET", "/v1/feedback", 400],
      ["GET", "/v1/uo_[redacted]", 404],
      ["POST", "/v1/feedback", 403],
      ["GET", "/v1/audit-export", 200],
    ]);
    expect(lines[1]).toMatchObject({ keyId: key.id, ip: "127.0.0.1" });
    for (const credential of [secret, ws.adminToken]) {
      expect(text).not.toContain(credential);
      expect(text).not.toContain(credential.slice(8, 30));
    }
  });
});
