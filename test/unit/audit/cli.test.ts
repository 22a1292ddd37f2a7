/** `keyward audit verify` and `keyward audit report`, run as the command, on a real server's bundle. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReviewReportJson } from "../../../core/audit/reports";
import { startWorkspace, tempDir, type TestWorkspace } from "../../support/test-server";

let ws: TestWorkspace;
let dir: string;
let bundle: string;
let tampered: string;
let fingerprint: string;

/** As `npm run -s keyward -- …` runs it from the test's folder: relative paths are that folder's. */
function keyward(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.resolve("cli/keyward.ts"), ...args], {
    encoding: "utf8",
    env: { ...process.env, npm_lifecycle_event: "keyward", INIT_CWD: dir },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  ws = await startWorkspace();
  dir = tempDir("audit-cli");
  const revoked = await ws.createKey("read", "old importer");
  await ws.createKey("full", "admin console");
  await ws.createKey("write", "billing sync");
  await ws.call("POST", `/v1/api-keys/${revoked.key.id}/revoke`, { body: { reason: "compromised" } });
  await ws.call("GET", "/v1/feedback", { token: revoked.secret });
  await ws.restart(); // writes the refusal's auth.denied event
  const response = await fetch(`${ws.url}/v1/audit-export`, { headers: { authorization: `Bearer ${ws.adminToken}` } });
  const text = await response.text();
  bundle = path.join(dir, "bundle.json");
  fs.writeFileSync(bundle, text);
  tampered = path.join(dir, "tampered.json");
  fs.writeFileSync(tampered, text.replace('"name":"billing sync"', '"name":"billing sink"'));
  fingerprint = (await ws.call("GET", "/v1/workspace")).body.signingKey.fingerprint;
});

afterAll(async () => {
  await ws.stop();
});

// Each case runs the command (a Node process with tsx): allow for a busy machine.
const SLOW = 120_000;

describe("keyward audit verify", () => {
  it("exits 0 for a valid bundle and prints the signing key's fingerprint", () => {
    const result = keyward("audit", "verify", "bundle.json", "--expect-fingerprint", fingerprint);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^VALID\n/);
    expect(result.stdout).toContain(`fingerprint ${fingerprint}`);
  });

  it("exits 1 with the reason for a tampered bundle, or another signer", () => {
    const result = keyward("audit", "verify", tampered);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^NOT VALID\n/);
    expect(result.stderr).toMatch(/Event \d+ \(position \d+\) was altered: its content hashes to/);
    expect(result.stderr).toMatch(/The signature does not match/);
    const other = keyward("audit", "verify", bundle, "--expect-fingerprint", "0".repeat(64));
    expect(other.status).toBe(1);
    expect(other.stderr).toContain("not by the workspace key you expected");
  }, SLOW);

  it("prints the result as JSON with --json", () => {
    const result = keyward("audit", "verify", bundle, "--json");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, chainIntact: true, signatureValid: true, header: { signing: { fingerprint } } });
  });

  it("exits 2 on usage errors", () => {
    expect(keyward("audit", "verify").status).toBe(2);
    expect(keyward("audit", "verify", "missing.json").stderr).toContain("There is no file");
    expect(keyward("audit", "verify", bundle, "--frobnicate").status).toBe(2);
    expect(keyward("audit", "verify", bundle, "--expect-fingerprint", "abc").status).toBe(2);
    expect(keyward("audit", "inspect", bundle).status).toBe(2);
    expect(keyward("audit").status).toBe(2);
  }, SLOW);
});

describe("keyward audit report", () => {
  it("writes CSV, JSON and PDF reports of the active keys, not reviewed, with findings from the bundle", () => {
    const csv = keyward("audit", "report", bundle, "--format", "csv", "--out", "report.csv");
    expect(csv.status).toBe(0);
    expect(csv.stdout).toMatch(/^Report written to .*report\.csv: 2 active keys/);
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(dir, "report.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => row.name).sort()).toEqual(["admin console", "billing sync"]);
    expect(rows.every((row) => row.decision === "not reviewed")).toBe(true);

    expect(keyward("audit", "report", bundle, "--format", "json", "--out", "report.json").status).toBe(0);
    const json = ReviewReportJson.parse(JSON.parse(fs.readFileSync(path.join(dir, "report.json"), "utf8")));
    expect(json.verification).toMatchObject({ valid: true, signingKeyFingerprint: fingerprint });
    expect(json.review.source).toMatchObject({ kind: "bundle", fileName: "bundle.json" });

    expect(keyward("audit", "report", bundle, "--format", "pdf", "--out", "report.pdf").status).toBe(0);
    expect(fs.readFileSync(path.join(dir, "report.pdf")).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }, SLOW);

  it("writes no report of a bundle that does not verify (1), and needs a format and a file (2)", () => {
    const result = keyward("audit", "report", tampered, "--format", "csv", "--out", "tampered.csv");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("No report written");
    expect(fs.existsSync(path.join(dir, "tampered.csv"))).toBe(false);
    expect(keyward("audit", "report", bundle, "--out", "x.csv").status).toBe(2);
    expect(keyward("audit", "report", bundle, "--format", "docx", "--out", "x.docx").status).toBe(2);
    expect(keyward("audit", "report", bundle, "--format", "csv").status).toBe(2);
  }, SLOW);
});
