import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LocalAuditLog, LOCAL_LOG_FILE } from "../../../core/audit/local-log";
import type { AuditEvent } from "../../../shared/api/schemas";
import { canonicalJson } from "../../../shared/canonical-json";
import { generateCredential } from "../../../shared/credential";
import { tempDir } from "../../support/test-server";

let open: LocalAuditLog[] = [];
afterEach(async () => {
  await Promise.all(open.map((log) => log.close().catch(() => undefined)));
  open = [];
});

let clock = Date.parse("2026-06-01T10:00:00.000Z");
async function openLog(dir: string): Promise<LocalAuditLog> {
  const log = await LocalAuditLog.open(dir, { now: () => new Date((clock += 60_000)) });
  open.push(log);
  return log;
}
const lines = (dir: string) => fs.readFileSync(path.join(dir, LOCAL_LOG_FILE), "utf8").split("\n").filter(Boolean);

async function someEvents(log: LocalAuditLog): Promise<void> {
  await log.append("vault.created", { file: "vault.kwv" });
  await log.append("vault.unlocked", { method: "passphrase" });
  await log.append("key.generated", { workspace: "Local", keyId: "key_1", name: "billing sync", scope: "write", display: "uo_live_Ab12Cd…9xYz", keptInVault: true }, "key_1");
  await log.append("secret.copied", { entryId: "ent_1", keyId: "key_1", label: "billing sync", clearAfterSeconds: 30 }, "key_1");
  await log.append("key.revoked", { workspace: "Local", keyId: "key_2", reason: "compromised", note: null }, "key_2");
  await log.append("vault.locked", { reason: "idle" });
}

describe("the local audit log", () => {
  it("appends hash-chained canonical JSON lines, by the server's chain rule", async () => {
    const dir = tempDir("local-log");
    const log = await openLog(dir);
    await someEvents(log);
    let prev = "0".repeat(64);
    lines(dir).forEach((line, index) => {
      const event = JSON.parse(line) as AuditEvent;
      expect(canonicalJson(event)).toBe(line);
      expect(event).toMatchObject({ seq: index + 1, prevHash: prev, actor: "keyward-desktop" });
      const { hash, ...rest } = event;
      expect(createHash("sha256").update(prev + canonicalJson(rest)).digest("hex")).toBe(hash);
      prev = hash;
    });
    expect(log.chainHead).toEqual({ seq: 6, hash: prev });
    expect(fs.statSync(path.join(dir, LOCAL_LOG_FILE)).mode & 0o777).toBe(0o600);
    expect(await log.verify()).toMatchObject({ valid: true, events: 6, summary: "Valid: 6 events chained from event 1 to event 6." });
  });

  it("reads newest first, filtered by type, key, actor, time and page", async () => {
    const log = await openLog(tempDir("local-log"));
    await someEvents(log);
    expect((await log.read()).map((event) => event.type)).toEqual(["vault.locked", "key.revoked", "secret.copied", "key.generated", "vault.unlocked", "vault.created"]);
    expect((await log.read({ keyId: "key_1" })).map((event) => event.seq)).toEqual([4, 3]);
    expect((await log.read({ type: "vault.unlocked" })).map((event) => event.seq)).toEqual([2]);
    const all = await log.read();
    expect((await log.read({ since: all[3]!.at, until: all[1]!.at })).map((event) => event.seq)).toEqual([5, 4, 3]);
    expect((await log.read({ before: 5, limit: 2 })).map((event) => event.seq)).toEqual([4, 3]);
    expect(await log.read({ actor: "someone" })).toEqual([]);
  });

  it("refuses any event holding something shaped like a credential, and wrong shapes, writing nothing", async () => {
    const dir = tempDir("local-log");
    const log = await openLog(dir);
    const secret = generateCredential("live");
    await expect(log.append("key.generated", { workspace: "Local", keyId: "key_1", name: `billing ${secret}`, scope: "read", display: "x", keptInVault: false })).rejects.toThrow(
      'The local audit log refused a "key.generated" event: data.name holds something shaped like a credential, and the log never stores secrets.',
    );
    const mistyped = `${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;
    await expect(log.append("secret.copied", { entryId: null, keyId: null, label: mistyped, clearAfterSeconds: 30 })).rejects.toThrow(/data\.label holds something shaped like a credential/);
    await expect(log.append("vault.unlocked", { method: "passphrase" }, generateCredential("admin"))).rejects.toThrow(/keyId holds something shaped like a credential/);
    await expect(log.append("vault.unlocked", { method: "passphrase", passphrase: "hunter2" } as never)).rejects.toThrow(/refused a "vault.unlocked" event: data: Unrecognized key/);
    await expect(log.append("vault.stolen" as never, {} as never)).rejects.toThrow(/unknown event type/);
    expect(fs.existsSync(path.join(dir, LOCAL_LOG_FILE)) ? lines(dir) : []).toEqual([]);
    await log.append("vault.unlocked", { method: "keychain" });
    expect(lines(dir)).toHaveLength(1);
  });

  it("keeps order under concurrent appends", async () => {
    const log = await openLog(tempDir("local-log"));
    await Promise.all(Array.from({ length: 25 }, (_, i) => log.append("secret.copied", { entryId: `e${i}`, keyId: null, label: `entry ${i}`, clearAfterSeconds: 30 })));
    expect((await log.read({ limit: 100 })).map((event) => event.data.entryId)).toEqual(Array.from({ length: 25 }, (_, i) => `e${24 - i}`));
    expect((await log.verify()).valid).toBe(true);
  });

  it("continues the chain after a restart", async () => {
    const dir = tempDir("local-log");
    const first = await openLog(dir);
    await someEvents(first);
    await first.close();
    const second = await openLog(dir);
    expect(second.recovered).toBeNull();
    await second.append("vault.unlocked", { method: "keychain" });
    expect(await second.verify()).toMatchObject({ valid: true, events: 7 });
  });
});

describe("crash safety", () => {
  it("finds a torn last line at open, keeps its bytes aside, records the recovery in the chain", async () => {
    const dir = tempDir("local-log");
    const log = await openLog(dir);
    await someEvents(log);
    await log.close();
    const torn = '{"actor":"keyward-desktop","at":"2026-06-01T11:00:00.000Z","data":{"meth';
    fs.appendFileSync(path.join(dir, LOCAL_LOG_FILE), torn);
    const reopened = await openLog(dir);
    expect(reopened.recovered).toMatchObject({ bytes: torn.length, sha256: createHash("sha256").update(torn).digest("hex") });
    expect(fs.readFileSync(reopened.recovered!.savedTo, "utf8")).toBe(torn);
    const [latest] = await reopened.read({ limit: 1 });
    expect(latest).toMatchObject({ seq: 7, type: "log.recovered", data: { tornBytes: torn.length, savedTo: path.basename(reopened.recovered!.savedTo) } });
    expect(await reopened.verify()).toMatchObject({ valid: true, events: 7 });
  });

  it("loses no fsynced event when the writing process is killed mid-stream", async () => {
    const dir = tempDir("local-log");
    const script = path.join(dir, "writer.mts");
    fs.writeFileSync(
      script,
      `import { LocalAuditLog } from ${JSON.stringify(path.resolve("core/audit/local-log.ts"))};
const log = await LocalAuditLog.open(${JSON.stringify(dir)});
for (let i = 0; ; i++) { await log.append("secret.copied", { entryId: "e" + i, keyId: null, label: "entry " + i, clearAfterSeconds: 30 }); process.stdout.write(i + "\\n"); }`,
    );
    const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "inherit"] });
    let acknowledged = -1;
    await new Promise<void>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`the writer stopped by itself (exit ${code})`)));
      child.stdout.on("data", (chunk: Buffer) => {
        acknowledged = Number(chunk.toString().trim().split("\n").at(-1));
        if (acknowledged >= 40) {
          child.removeAllListeners("exit");
          child.kill("SIGKILL");
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.once("exit", resolve));
    const log = await openLog(dir);
    const verification = await log.verify();
    expect(verification.valid).toBe(true);
    // Every event the writer saw acknowledged (appended and fsynced) is there.
    expect(verification.events).toBeGreaterThanOrEqual(acknowledged + 1);
  });
});

describe("verification of the local log", () => {
  async function written(): Promise<{ dir: string; head: { seq: number; hash: string } }> {
    const dir = tempDir("local-log");
    const log = await openLog(dir);
    await someEvents(log);
    const head = log.chainHead;
    await log.close();
    open = open.filter((item) => item !== log);
    return { dir, head };
  }
  const rewrite = (dir: string, change: (all: string[]) => string[]) => fs.writeFileSync(path.join(dir, LOCAL_LOG_FILE), change(lines(dir)).join("\n") + "\n");

  it("names an edited, a removed and a damaged line", async () => {
    const edited = await written();
    rewrite(edited.dir, (all) => all.map((line, i) => (i === 2 ? line.replace("billing sync", "billing sink") : line)));
    expect((await (await openLog(edited.dir)).verify()).problem).toMatchObject({ kind: "altered", seq: 3 });

    const removed = await written();
    rewrite(removed.dir, (all) => all.filter((_, i) => i !== 3));
    expect((await (await openLog(removed.dir)).verify()).problem).toMatchObject({ kind: "missing", seq: 4 });

    const damaged = await written();
    rewrite(damaged.dir, (all) => all.map((line, i) => (i === 1 ? line.replace('{"actor"', '{ "actor"') : line)));
    expect((await (await openLog(damaged.dir)).verify())).toMatchObject({ valid: false, problem: { kind: "malformed", line: 2 }, summary: "Line 2 of the local audit log is damaged: it is not in canonical form." });
  });

  it("notices a log cut short when the caller remembers its head", async () => {
    const { dir, head } = await written();
    rewrite(dir, (all) => all.slice(0, 4));
    const log = await openLog(dir);
    expect((await log.verify()).valid).toBe(true);
    expect(await log.verify({ expectedHead: head })).toMatchObject({ valid: false, problem: { kind: "missing", seq: 5 } });
  });
});
