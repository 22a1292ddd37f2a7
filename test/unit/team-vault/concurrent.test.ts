import { spawn } from "node:child_process";
import { copyFile, readdir, rename, utimes } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createIdentity, serializeIdentity, TeamVault, type MemberIdentity, type TeamVaultSeen } from "../../../core/team-vault";
import { keyEntry, makeTeam, tempDir } from "./helpers";

const WRITER = resolve(import.meta.dirname, "fixtures/writer.ts");

interface Writer {
  /** Resolves once the writer has opened the vault and waits for `go()`. */
  ready: Promise<void>;
  go(): void;
  kill(): void;
  done: Promise<{ prefix: string; ids: string[] }>;
}

function startWriter(path: string, identity: MemberIdentity, prefix: string, count: number, options: { lockDir?: string; paceMs?: number } = {}): Writer {
  const child = spawn(process.execPath, ["--import", "tsx", WRITER, path, prefix, String(count)], {
    env: { ...process.env, KEYWARD_TEST_IDENTITY: serializeIdentity(identity), ...(options.lockDir ? { KEYWARD_TEST_LOCK_DIR: options.lockDir } : {}), KEYWARD_TEST_PACE_MS: String(options.paceMs ?? 15) },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  let markReady!: () => void;
  const ready = new Promise<void>((resolveReady) => (markReady = resolveReady));
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes("ready")) markReady();
  });
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<{ prefix: string; ids: string[] }>((resolveDone, fail) => {
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolveDone({ prefix, ids: [] });
      else if (code === 0) resolveDone(JSON.parse(out.trim().split("\n").pop()!));
      else fail(new Error(`writer ${prefix} exited ${code}: ${err}`));
    });
  });
  return { ready, go: () => child.stdin.end("go\n"), kill: () => child.kill("SIGKILL"), done };
}

/** Starts writers, lets them all open the vault, then releases them at once. */
async function runTogether(...writers: Writer[]): Promise<Array<{ prefix: string; ids: string[] }>> {
  await Promise.all(writers.map((w) => w.ready));
  writers.forEach((w) => w.go());
  return Promise.all(writers.map((w) => w.done));
}

/** A second machine: its own copy of the synced folder, edited while offline. */
async function machineCopy(path: string): Promise<string> {
  const other = join(await tempDir("machine"), "team.kwteam");
  await copyFile(path, other);
  return other;
}

describe("concurrent edits of one synced file", () => {
  it("two processes saving at once into one file lose nothing", async () => {
    const dir = await tempDir("procs");
    const { alice, bob } = await makeTeam();
    const path = join(dir, "team.kwteam");
    const a = await TeamVault.create(path, alice, { name: "Team" });
    await a.addMember(bob);
    a.close();
    const results = await runTogether(startWriter(path, alice, "alice", 15), startWriter(path, bob, "bob", 15));
    const after = await TeamVault.open(path, alice);
    const labels = after.list().map((e) => e.label);
    expect(labels).toHaveLength(30);
    for (const { prefix, ids } of results) {
      ids.forEach((id, i) => expect(after.get(id)).toBe(`secret-${prefix}-${i}`));
    }
    // Each save is in the signed history, by its author.
    const adds = after.changes().filter((c) => c.type === "entry.add");
    expect(adds.filter((c) => c.author === "Alice")).toHaveLength(15);
    expect(adds.filter((c) => c.author === "Bob")).toHaveLength(15);
    // The saves really did interleave: each writer saved between two saves of the other.
    const revisions = (who: string) => adds.filter((c) => c.author === who).map((c) => c.revision);
    expect(Math.min(...revisions("Alice"))).toBeLessThan(Math.max(...revisions("Bob")));
    expect(Math.min(...revisions("Bob"))).toBeLessThan(Math.max(...revisions("Alice")));
    expect((await readdir(dir)).filter((name) => name !== "team.kwteam")).toEqual([]); // no temp or lock files left behind
    after.close();
  }, 60_000);

  it("a process killed while saving leaves a whole file and no lock that blocks the next save", async () => {
    const dir = await tempDir("kill");
    const { alice } = await makeTeam();
    const path = join(dir, "team.kwteam");
    const lockDir = await tempDir("locks");
    (await TeamVault.create(path, alice, { name: "Team" })).close();
    // Killed in the middle of its saves, while it holds the lock.
    const writer = startWriter(path, alice, "killed", 10_000, { lockDir, paceMs: 0 });
    await writer.ready;
    writer.go();
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
    while ((await readdir(lockDir)).length === 0) await new Promise((resolveWait) => setTimeout(resolveWait, 1));
    writer.kill();
    await writer.done;
    const leftLock = (await readdir(lockDir)).length;
    const after = await TeamVault.open(path, alice, { lockDir, timeoutMs: 5000 });
    const saved = after.list().length;
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(10_000);
    // Its half-written temporary file, if any, is cleared once it is old; the vault file was never touched.
    const temps = (await readdir(dir)).filter((name) => name.endsWith(".tmp"));
    const old = new Date(Date.now() - 3_600_000);
    await Promise.all(temps.map((name) => utimes(join(dir, name), old, old)));
    await after.add(keyEntry("k_next", "Saved after the crash")); // a stale lock of the dead process is taken over
    expect(await readdir(dir)).toEqual(["team.kwteam"]);
    expect(after.list()).toHaveLength(saved + 1);
    expect(await readdir(lockDir)).toEqual([]);
    console.log(`killed writer saved ${saved} entries; it left ${leftLock} lock file(s) and ${temps.length} temporary file(s), cleared`);
    after.close();
  }, 60_000);

  it("a sync tool's conflict copy beside the file is merged on the next open, entry by entry, and removed", async () => {
    const dir = await tempDir("copies");
    const { alice, bob, carol } = await makeTeam();
    const path = join(dir, "team.kwteam");
    const a = await TeamVault.create(path, alice, { name: "Team" });
    await a.addMember(bob);
    await a.addMember(carol);
    const [shared] = await a.addMany([keyEntry("k_shared", "Shared")]);
    const bobsMachine = await machineCopy(path);

    await a.add(keyEntry("k_a", "From Alice"));
    await a.update(shared!.id, { label: "Shared (renamed by Alice)" });
    const b = await TeamVault.open(bobsMachine, bob);
    await b.add(keyEntry("k_b", "From Bob"));
    b.close();
    await rename(bobsMachine, join(dir, "team (Bob's conflicted copy 2025-03-01).kwteam"));

    const c = await TeamVault.open(path, carol);
    expect(c.list().map((e) => e.label).sort()).toEqual(["From Alice", "From Bob", "Shared (renamed by Alice)"]);
    expect(c.lastMerge?.sources.map((source) => source.kind)).toEqual(["conflict_copy"]);
    expect(c.lastMerge?.conflicts).toEqual([]);
    expect(await readdir(dir)).toEqual(["team.kwteam"]);
    expect(c.changes()[0]).toMatchObject({ type: "merge", author: "Carol", conflicts: 0 });
    c.close();
    a.close();
  });

  it("a true conflict keeps both versions: the second becomes a flagged conflict copy", async () => {
    const dir = await tempDir("conflict");
    const { alice, bob } = await makeTeam();
    const path = join(dir, "team.kwteam");
    const a = await TeamVault.create(path, alice, { name: "Team" });
    await a.addMember(bob);
    const [entry, doomed, bothGone] = await a.addMany([keyEntry("k1", "Stripe"), keyEntry("k2", "Old"), keyEntry("k3", "Unused")]);
    const bobsMachine = await machineCopy(path);

    await a.updateSecret(entry!.id, "alice-version");
    await a.remove(doomed!.id);
    await a.remove(bothGone!.id);
    const b = await TeamVault.open(bobsMachine, bob);
    await b.updateSecret(entry!.id, "bob-version");
    await b.update(doomed!.id, { label: "Old, still used" });
    await b.remove(bothGone!.id);
    b.close();
    await rename(bobsMachine, join(dir, "team.sync-conflict-20250301-101010-ABCDEFG.kwteam"));

    const again = await TeamVault.open(path, alice);
    const report = again.lastMerge!;
    const copy = report.conflicts.find((c) => c.kind === "both_changed")!;
    expect(copy).toMatchObject({ entryId: entry!.id, copyId: expect.stringMatching(new RegExp(`^${entry!.id}\\.conflict-[0-9a-f]{8}$`)) });
    expect(new Set([again.get(entry!.id), again.get(copy.copyId!)])).toEqual(new Set(["alice-version", "bob-version"]));
    expect(again.info(copy.copyId!).conflictOf).toBe(entry!.id);
    expect(report.conflicts.find((c) => c.kind === "deleted_and_changed")).toMatchObject({ entryId: doomed!.id, copyId: null });
    expect(again.info(doomed!.id).label).toBe("Old, still used");
    expect(again.list().some((e) => e.id === bothGone!.id)).toBe(false);
    expect(again.changes()[0]).toMatchObject({ type: "merge", conflicts: 2 });
    again.close();
    a.close();
  });

  it("when the sync tool put the other machine's file in place, this device's own save in the conflict copy is merged, not called a rollback", async () => {
    const dir = await tempDir("swap");
    const { alice, bob } = await makeTeam();
    const path = join(dir, "team.kwteam");
    let seen: TeamVaultSeen | null = null;
    const a = await TeamVault.create(path, alice, { name: "Team", onSeen: (s) => void (seen = s) });
    await a.addMember(bob);
    const bobsMachine = await machineCopy(path);
    await a.add(keyEntry("k_a", "From Alice"));
    a.close();
    const b = await TeamVault.open(bobsMachine, bob);
    await b.add(keyEntry("k_b", "From Bob"));
    b.close();
    await rename(path, join(dir, "team (conflicted copy 2025-03-01 101010).kwteam"));
    await rename(bobsMachine, path);

    const again = await TeamVault.open(path, alice, { seen });
    expect(again.list().map((e) => e.label).sort()).toEqual(["From Alice", "From Bob"]);
    again.close();
  });

  it("changes a removed member made on their stale copy are refused and reported, not merged", async () => {
    const dir = await tempDir("removed");
    const { alice, bob, carol } = await makeTeam();
    const path = join(dir, "team.kwteam");
    const a = await TeamVault.create(path, alice, { name: "Team" });
    await a.addMember(bob);
    await a.addMember(carol);
    const [entry] = await a.addMany([keyEntry("k1", "Stripe")]);
    const carolsMachine = await machineCopy(path);
    await a.removeMember(carol.id);

    const c = await TeamVault.open(carolsMachine, carol);
    await c.updateSecret(entry!.id, "carol-planted");
    await c.add(keyEntry("k_evil", "Planted by Carol"));
    c.close();
    await rename(carolsMachine, join(dir, "team (Carol's conflicted copy).kwteam"));

    const b = await TeamVault.open(path, bob);
    expect(b.get(entry!.id)).toBe(keyEntry("k1").secret);
    expect(b.list().map((e) => e.label)).toEqual(["Stripe"]);
    expect(b.lastMerge?.refused.map((r) => r.label).sort()).toEqual(["Planted by Carol", "Stripe"]);
    expect(b.lastMerge?.refused.every((r) => r.authorId === carol.id && r.author === "Carol")).toBe(true);
    b.close();
    a.close();
  });

  it("a conflict copy this member cannot open is reported and left for a member who can", async () => {
    const dir = await tempDir("unreadable");
    const { alice, bob } = await makeTeam();
    const dave = await createIdentity("Dave");
    const path = join(dir, "team.kwteam");
    const a = await TeamVault.create(path, alice, { name: "Team" });
    await a.addMember(bob);
    const bobsMachine = await machineCopy(path);
    await a.addMember(dave);
    const b = await TeamVault.open(bobsMachine, bob);
    await b.add(keyEntry("k_b", "From Bob"));
    b.close();
    const copyPath = join(dir, "team (1).kwteam");
    await rename(bobsMachine, copyPath);

    const d = await TeamVault.open(path, dave);
    expect(d.lastMerge?.unreadable.map((u) => u.path)).toEqual([copyPath]);
    expect(d.list()).toEqual([]);
    d.close();
    const again = await TeamVault.open(path, alice);
    expect(again.list().map((e) => e.label)).toEqual(["From Bob"]);
    expect(await readdir(dir)).toEqual(["team.kwteam"]);
    again.close();
    a.close();
  });
});
