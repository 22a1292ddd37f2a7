/**
 * The audit bundle from a real server, checked from the format's documentation alone
 * (docs/audit-bundle.md): canonical JSON byte for byte, Ed25519 over the context line and the hex
 * SHA-256 of the bundle without its signature, the signing key kept with mode 0600 and in the
 * database, and servers whose key differs refused.
 */
import { createHash, createPublicKey, verify } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createServer } from "../../../server/app";
import { AuditBundle, WorkspaceInfo } from "../../../shared/api/schemas";
import { canonicalJson } from "../../../shared/canonical-json";
import { eachDatabase, it as dbIt, newDatabase, postgresAvailable } from "../../support/server-fixtures";
import { startWorkspace, tempDir, type TestWorkspace } from "../../support/test-server";

let ws: TestWorkspace | null = null;
afterEach(async () => {
  await ws?.stop();
  ws = null;
});

async function exportBundle(workspace: TestWorkspace): Promise<{ text: string; response: Response }> {
  const response = await fetch(`${workspace.url}/v1/audit-export`, { headers: { authorization: `Bearer ${workspace.adminToken}` } });
  return { text: await response.text(), response };
}

function signatureValid(text: string): boolean {
  const bundle = JSON.parse(text) as AuditBundle;
  const { signature, ...unsigned } = bundle;
  const digest = createHash("sha256").update(canonicalJson(unsigned), "utf8").digest("hex");
  const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(bundle.signing.publicKey, "base64").toString("base64url") }, format: "jwk" });
  return verify(null, Buffer.from(`keyward-audit-bundle/v1\n${digest}`, "ascii"), key, Buffer.from(signature, "base64"));
}

eachDatabase(() => {
  describe("GET /v1/audit-export", () => {
    dbIt("answers the canonical JSON of a signed bundle with every key and event", async ({ ws }) => {
      const a = await ws.createKey("read", "reporting");
      await ws.createKey("full", "admin tool");
      await ws.call("POST", `/v1/api-keys/${a.key.id}/rotate`, { body: { graceSeconds: 60 } });
      await ws.call("PATCH", "/v1/settings", { token: (await ws.createKey("full", "settings")).secret, body: { workspaceName: "Acme “prod”" } });

      const { text, response } = await exportBundle(ws);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="keyward-audit-[0-9a-f]{8}-\d{4}-\d{2}-\d{2}\.json"$/);
      const bundle = AuditBundle.parse(JSON.parse(text));
      expect(canonicalJson(JSON.parse(text))).toBe(text);
      expect(text.startsWith('{"events":[{"actor":')).toBe(true);
      expect(bundle).toMatchObject({ format: "keyward-audit-bundle", version: 1, workspaceName: "Acme “prod”", serverVersion: "0.1.0" });
      expect(bundle.keys.map((key) => key.name)).toEqual(["reporting", "admin tool", "reporting", "settings"]);
      expect(bundle.events.map((event) => event.type)).toEqual(["admin_token.created", "key.created", "key.created", "key.created", "key.rotated", "key.created"]);
      expect(bundle.head).toEqual({ seq: 6, hash: bundle.events[5]!.hash });
      expect(signatureValid(text)).toBe(true);
      expect(signatureValid(text.replace('"admin tool"', '"admin tool!"'))).toBe(false);

      const info = await ws.call("GET", "/v1/workspace");
      expect(WorkspaceInfo.parse(info.body)).toEqual({ workspaceId: bundle.workspaceId, name: "Acme “prod”", serverVersion: "0.1.0", signingKey: bundle.signing });
      expect(bundle.workspaceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(bundle.signing.fingerprint).toBe(createHash("sha256").update(Buffer.from(bundle.signing.publicKey, "base64")).digest("hex"));
    });

    dbIt("is for admin tokens only, and takes no query", async ({ ws }) => {
      const { secret } = await ws.createKey("full");
      expect((await ws.call("GET", "/v1/audit-export", { token: secret })).body.error.code).toBe("wrong_credential_kind");
      expect((await ws.call("GET", "/v1/audit-export", { token: null })).status).toBe(401);
      expect((await ws.call("GET", "/v1/workspace", { token: secret })).status).toBe(403);
      expect((await ws.call("GET", "/v1/audit-export?since=1")).body.error).toMatchObject({ code: "invalid_request", message: "Unknown query parameter: since." });
    });
});
});

describe("the signing key", () => {
  it("is made at first start with mode 0600, kept across restarts, and its public half is in the database", async () => {
    ws = await startWorkspace();
    const file = path.join(ws.dataDir, "audit-signing-key.pem");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const first = (await ws.call("GET", "/v1/workspace")).body;
    await ws.restart();
    const second = (await ws.call("GET", "/v1/workspace")).body;
    expect(second).toEqual(first);
    const meta = await ws.server.db.selectFrom("meta").selectAll().where("name", "in", ["audit_signing_public_key", "workspace_id"]).orderBy("name").execute();
    expect(meta.map((row) => row.value)).toEqual([first.signingKey.publicKey, first.workspaceId]);
  });

  it("refuses to start when the data folder's key is not the workspace's", async () => {
    ws = await startWorkspace();
    const dataDir = ws.dataDir;
    await ws.stop();
    ws = null;
    const other = tempDir("other-key");
    const stranger = await createServer({ dataDir: other, port: 0 });
    await stranger.listen();
    await stranger.close();
    fs.copyFileSync(path.join(other, "audit-signing-key.pem"), path.join(dataDir, "audit-signing-key.pem"));
    const server = await createServer({ dataDir, port: 0 });
    await expect(server.listen()).rejects.toThrow(/is not the workspace's .*copy the key file of the server that created it/);
    await server.close().catch(() => undefined);
  });

  it("refuses to start without the key file once the workspace has a key, and refuses a key readable by others", async () => {
    ws = await startWorkspace();
    const dataDir = ws.dataDir;
    const file = path.join(dataDir, "audit-signing-key.pem");
    await ws.stop();
    ws = null;
    const saved = fs.readFileSync(file);
    fs.rmSync(file);
    const missing = await createServer({ dataDir, port: 0 });
    await expect(missing.listen()).rejects.toThrow(/signs its audit bundles with a key \(fingerprint [0-9a-f]{16}…\) that is not in/);
    await missing.close().catch(() => undefined);
    fs.writeFileSync(file, saved, { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    const open = await createServer({ dataDir, port: 0 });
    await expect(open.listen()).rejects.toThrow(/can be read by other users \(mode 644\)\. Run: chmod 600/);
    await open.close().catch(() => undefined);
  });
});

describe.skipIf(!postgresAvailable())("several servers on one PostgreSQL database", () => {
  it("sign with the one key the first server made; a server without it, or with another, refuses to start", async () => {
    const first = await newDatabase("postgres", "signing");
    ws = await startWorkspace({ databaseUrl: first.databaseUrl }, first.dataDir);
    const workspaceKey = (await ws.call("GET", "/v1/workspace")).body.signingKey;

    const secondDir = tempDir("second-server");
    const bare = await createServer({ dataDir: secondDir, databaseUrl: first.databaseUrl, port: 0 });
    await expect(bare.listen()).rejects.toThrow(`with a key (fingerprint ${workspaceKey.fingerprint.slice(0, 16)}…) that is not in ${secondDir}`);
    await bare.close().catch(() => undefined);
    expect(fs.existsSync(path.join(secondDir, "audit-signing-key.pem"))).toBe(false);

    const strangerDir = tempDir("stranger");
    const stranger = await createServer({ dataDir: strangerDir, port: 0 });
    await stranger.listen();
    await stranger.close();
    const wrong = await createServer({ dataDir: strangerDir, databaseUrl: first.databaseUrl, port: 0 });
    await expect(wrong.listen()).rejects.toThrow(/is not the workspace's/);
    await wrong.close().catch(() => undefined);

    fs.copyFileSync(path.join(first.dataDir, "audit-signing-key.pem"), path.join(secondDir, "audit-signing-key.pem"));
    fs.chmodSync(path.join(secondDir, "audit-signing-key.pem"), 0o600);
    const second = await createServer({ dataDir: secondDir, databaseUrl: first.databaseUrl, port: 0 });
    await second.listen();
    try {
      const response = await fetch(`${second.url}/v1/audit-export`, { headers: { authorization: `Bearer ${ws.adminToken}` } });
      const text = await response.text();
      expect(JSON.parse(text).signing).toEqual(workspaceKey);
      expect(signatureValid(text)).toBe(true);
    } finally {
      await second.close();
    }
  });
});
