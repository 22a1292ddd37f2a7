import { spawnSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import path from "node:path";
import { afterEach, describe, expect } from "vitest";
import { it } from "../../support/server-fixtures";
import { mintAdminToken, serverEnv, startServerProcess, type ServerProcess } from "../../support/server-process";
import { tempDir } from "../../support/test-server";

const hasOpenssl = spawnSync("openssl", ["version"]).status === 0;
if (!hasOpenssl && process.env.CI) throw new Error("The TLS test needs the openssl command (.ci/run installs it).");

/** A self-signed certificate for 127.0.0.1, made by openssl for this test. */
function selfSigned(): { cert: string; key: string } {
  const dir = tempDir("tls");
  const cert = path.join(dir, "cert.pem");
  const key = path.join(dir, "key.pem");
  const made = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
    { encoding: "utf8" },
  );
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  return { cert, key };
}

/** HTTPS with our own trust anchor: the test trusts exactly this certificate. */
function httpsJson(url: string, ca: string, token: string, method = "GET", body?: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any answer shape
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method, ca, headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) } }, (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    request.on("error", reject);
    request.end(body ? JSON.stringify(body) : undefined);
  });
}

let server: ServerProcess | null = null;
afterEach(async () => {
  await server?.stop("SIGTERM");
  server = null;
});

// Transport only: the database behind it does not matter, so this runs on SQLite.
describe.skipIf(!hasOpenssl)("the server over TLS", () => {
  it("serves HTTPS with --tls-cert and --tls-key, and nothing in the clear", async ({ target }) => {
    const { cert, key } = selfSigned();
    const admin = await mintAdminToken(target);
    server = await startServerProcess(target, ["--quiet", "--tls-cert", cert, "--tls-key", key]);
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const ca = fs.readFileSync(cert, "utf8");
    const created = await httpsJson(`${server.url}/v1/api-keys`, ca, admin, "POST", { name: "over tls", scope: "read" });
    expect(created.status).toBe(201);
    expect((await httpsJson(`${server.url}/v1/whoami`, ca, created.body.secret)).body).toMatchObject({ name: "over tls" });
    // A credential sent in the clear to the same port gets no answer.
    await expect(fetch(server.url.replace("https:", "http:") + "/v1/whoami", { headers: { authorization: `Bearer ${created.body.secret}` } })).rejects.toThrow();
    // A client that does not trust this certificate refuses the connection.
    await expect(fetch(`${server.url}/v1/openapi.json`)).rejects.toThrow();
  });

  it("refuses to start with only one of the two files", async ({ target }) => {
    const { cert } = selfSigned();
    const run = spawnSync(process.execPath, ["--no-warnings", "--import", "tsx", "cli/keyward.ts", "server", "--data", target.dataDir, "--tls-cert", cert], {
      encoding: "utf8",
      env: serverEnv(target),
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--tls-cert and --tls-key go together");
  });
});
