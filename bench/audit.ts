/**
 * `npm run bench -- audit`: verifying an audit bundle of 1,000,000 events against the machine's raw
 * SHA-256. Builds a real workspace database (bench/audit-data.ts), exports the bundle through the
 * server's own GET /v1/audit-export into a file, then, in the same run and alternating, times the
 * verifier on the file and crypto.createHash('sha256') over a buffer of the same size, and prints
 * seconds, MB/s and last `audit-verify-vs-sha256-ratio: X` (goal ≥ 0.5; medians of several runs).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream } from "node:stream/web";
import { verifyAuditBundle } from "../core/audit/verify";
import { createAdminToken } from "../server/admin/admin-tokens";
import { createServer } from "../server/app";
import { addKeys, appendEvents } from "./audit-data";

const EVENTS = 1_000_000;
const KEYS = 2_000;
const RUNS = 5;
const MB = 1e6;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function buildBundle(dir: string): Promise<string> {
  const started = performance.now();
  const server = await createServer({ dataDir: path.join(dir, "data"), port: 0 });
  try {
    const { token } = await createAdminToken(server.db, "bench", new Date());
    const keyIds = await addKeys(server.keys, KEYS);
    await appendEvents(server.db, keyIds, EVENTS - KEYS - 1, Date.parse("2026-01-01T00:00:00.000Z"));
    const filled = performance.now();
    const url = await server.listen();
    const file = path.join(dir, "bundle.json");
    const response = await fetch(`${url}/v1/audit-export`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok || !response.body) throw new Error(`export failed: HTTP ${response.status}`);
    await pipeline(Readable.fromWeb(response.body as ReadableStream<Uint8Array>), fs.createWriteStream(file));
    const exported = performance.now();
    console.log(`audit: database with ${EVENTS.toLocaleString("en")} events and ${KEYS} keys in ${((filled - started) / 1000).toFixed(1)} s; exported in ${((exported - filled) / 1000).toFixed(1)} s`);
    return file;
  } finally {
    await server.close();
  }
}

export async function benchAudit(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-bench-audit-"));
  try {
    const file = await buildBundle(dir);
    const size = fs.statSync(file).size;
    console.log(`audit: bundle ${(size / MB).toFixed(1)} MB, ${(size / EVENTS).toFixed(0)} bytes per event; ${os.availableParallelism()} cores`);
    const buffer = fs.readFileSync(file);
    const verifySeconds: number[] = [];
    const shaSeconds: number[] = [];
    const verifyCpu: number[] = [];
    const cpuSeconds = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1e6;
    };
    for (let run = 0; run < RUNS; run++) {
      let started = performance.now();
      createHash("sha256").update(buffer).digest();
      shaSeconds.push((performance.now() - started) / 1000);
      started = performance.now();
      const cpu = process.cpuUsage();
      const result = await verifyAuditBundle(file);
      verifySeconds.push((performance.now() - started) / 1000);
      verifyCpu.push(cpuSeconds(cpu));
      if (!result.valid || result.events !== EVENTS) throw new Error(`the bundle did not verify: ${result.summary}`);
    }
    const verify = median(verifySeconds);
    const sha = median(shaSeconds);
    const verifyRate = size / MB / verify;
    const shaRate = size / MB / sha;
    console.log(`audit: verify ${verify.toFixed(3)} s (${verifyRate.toFixed(0)} MB/s; runs ${verifySeconds.map((s) => s.toFixed(3)).join(", ")})`);
    console.log(`audit: verify used ${median(verifyCpu).toFixed(2)} s of CPU over all its threads (median); load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores`);
    console.log(`audit: raw SHA-256 ${sha.toFixed(3)} s (${shaRate.toFixed(0)} MB/s)`);
    console.log(`audit-verify-vs-sha256-ratio: ${(verifyRate / shaRate).toFixed(2)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
