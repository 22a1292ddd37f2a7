import { execFileSync, spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  decryptExport,
  encryptExport,
  importIntoPersonalVault,
  memberCardText,
  parseMemberCard,
  personalEntries,
  personalExportPayload,
  readExport,
  TeamVault,
  teamExportPayload,
  writeExport,
} from "../../../core/team-vault";
import { Vault } from "../../../core/vault";
import { errorOf, keyEntry, makeTeam, tempDir } from "./helpers";

const FAST_KDF = { kdf: { memoryKiB: 64, iterations: 1, parallelism: 1 } };
const HAS_AGE = spawnSync("age", ["--version"]).status === 0;

/** A personal vault with every field in use: meta, a rotated secret with history, several kinds. */
async function personalVault(dir: string): Promise<Vault> {
  const vault = await Vault.create(join(dir, "mine.kwvault"), "personal passphrase", FAST_KDF);
  const key = await vault.add({ ...keyEntry("k_p1", "Billing integration"), id: "billing" });
  await vault.updateSecret(key.id, "uo_live_rotated_secret");
  await vault.add({ kind: "admin_token", label: "Admin token: local", secret: "uo_adm_token", meta: { workspaceId: "ws-local", url: "http://127.0.0.1:4010" } });
  await vault.add({ kind: "note", label: "Ünïcode ✓ note", secret: "line one\nline two \"quoted\"" });
  return vault;
}

/** The age command, with an identity file holding the member's age secret key. */
function ageDecrypt(dir: string, ageIdentity: string, file: string): string {
  const identityFile = join(dir, "identity.txt");
  execFileSync("sh", ["-c", `umask 077 && cat > "${identityFile}"`], { input: `${ageIdentity}\n` });
  return execFileSync("age", ["-d", "-i", identityFile, file], { encoding: "utf8" });
}

describe.skipIf(!HAS_AGE)("the recovery path: the standard age command decrypts an export (skipped: `age` is not installed; apt-get install age)", () => {
  it("a team vault export decrypts with `age -d -i` to the same JSON", async () => {
    const dir = await tempDir("export");
    const { alice, bob } = await makeTeam();
    const team = await TeamVault.create(join(dir, "team.kwteam"), alice, { name: "Payments" });
    await team.addMember(bob);
    const [entry] = await team.addMany([keyEntry("k1", "Stripe"), { kind: "note", label: "Runbook", secret: "step 1\nstep 2" }]);
    await team.updateSecret(entry!.id, "uo_live_second");
    const payload = teamExportPayload(team);
    const file = join(dir, "payments.age");
    await writeExport(file, payload, { recipients: [alice, memberCardText(bob).split(":")[3]!] });

    for (const who of [alice, bob]) expect(JSON.parse(ageDecrypt(dir, who.ageIdentity, file))).toEqual(payload);
    expect(payload.entries.find((e) => e.label === "Stripe")).toMatchObject({ secret: "uo_live_second", historyCount: 1, history: [{ secret: keyEntry("k1").secret }] });
    expect(payload.source).toEqual({ kind: "team", vaultId: team.vaultId, name: "Payments" });
    team.close();
  });

  it("a personal vault export, ASCII-armored, decrypts with `age -d -i` to the same JSON", async () => {
    const dir = await tempDir("export");
    const { carol } = await makeTeam();
    const vault = await personalVault(dir);
    const payload = personalExportPayload(vault);
    const file = join(dir, "personal.age");
    await writeExport(file, payload, { recipients: [carol] }, { armored: true });
    expect((await readFile(file, "utf8")).startsWith("-----BEGIN AGE ENCRYPTED FILE-----")).toBe(true);
    expect(JSON.parse(ageDecrypt(dir, carol.ageIdentity, file))).toEqual(payload);
    expect(payload.entries).toHaveLength(3);
    vault.lock();
  });
});

describe("export and import", () => {
  it("the passphrase route (age scrypt) opens with the passphrase only", async () => {
    const dir = await tempDir("export");
    const vault = await personalVault(dir);
    const payload = personalExportPayload(vault);
    const file = join(dir, "backup.age");
    await writeExport(file, payload, { passphrase: "correct horse battery staple", scryptWorkFactor: 12 });
    expect((await readFile(file, "latin1")).split("\n")[1]).toMatch(/^-> scrypt /); // age's own passphrase stanza
    expect(await readExport(file, { passphrase: "correct horse battery staple" })).toEqual(payload);
    const wrong = await errorOf(() => readExport(file, { passphrase: "wrong horse" }));
    expect(wrong).toMatchObject({ code: "wrong_key", message: "The passphrase is wrong, or the file was changed. Nothing was imported." });
    expect((await errorOf(() => encryptExport(payload, { passphrase: "short" }))).code).toBe("invalid_input");
    vault.lock();
  });

  it("personal export, then import into another personal vault, keeps every field", async () => {
    const dir = await tempDir("export");
    const { alice } = await makeTeam();
    const source = await personalVault(dir);
    const before = personalEntries(source);
    const file = join(dir, "move.age");
    await writeExport(file, personalExportPayload(source), { recipients: [alice] });

    const target = await Vault.create(join(dir, "other.kwvault"), "other passphrase", FAST_KDF);
    const report = await importIntoPersonalVault(target, (await readExport(file, { identity: alice })).entries);
    expect(report).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const byId = (list: typeof before) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(personalEntries(target))).toEqual(byId(before));
    expect(await importIntoPersonalVault(target, before)).toEqual({ added: 0, updated: 0, unchanged: 3 });
    source.lock();
    target.lock();
  });

  it("team export, then import into a new team vault (and into a personal one), keeps every field", async () => {
    const dir = await tempDir("export");
    const { alice, bob } = await makeTeam();
    const team = await TeamVault.create(join(dir, "a.kwteam"), alice, { name: "A" });
    const [rotated] = await team.addMany([keyEntry("k1", "Stripe"), { kind: "note", label: "Runbook", secret: "step 1" }]);
    await team.updateSecret(rotated!.id, "uo_live_second", { keyId: "k1b", display: "uo_live_sec…cond" });
    const file = join(dir, "a.age");
    await writeExport(file, teamExportPayload(team), { recipients: [parseMemberCard(memberCardText(bob))] });

    const { entries } = await readExport(file, { identity: bob });
    const other = await TeamVault.create(join(dir, "b.kwteam"), bob, { name: "B" });
    expect(await other.importEntries(entries)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    const sorted = (list: typeof entries) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(sorted(other.entries())).toEqual(sorted(team.entries()));
    expect(other.changes()[0]).toMatchObject({ type: "entry.add", author: "Bob" });
    expect(await other.importEntries(entries)).toEqual({ added: 0, updated: 0, unchanged: 2 });

    const personal = await Vault.create(join(dir, "p.kwvault"), "pass phrase", FAST_KDF);
    await importIntoPersonalVault(personal, entries);
    expect(sorted(personalEntries(personal))).toEqual(sorted(team.entries()));
    for (const v of [team, other]) v.close();
    personal.lock();
  });

  it("says plainly when the export is not for this identity, or not an export", async () => {
    const dir = await tempDir("export");
    const { alice, bob } = await makeTeam();
    const sealed = await encryptExport(teamExportPayloadOf([]), { recipients: [alice] });
    expect(await errorOf(() => decryptExport(sealed, { identity: bob }))).toMatchObject({ code: "wrong_key", message: "This export was not made for your identity, or the file was changed. Nothing was imported." });
    const changed = Buffer.from(sealed);
    changed[changed.length - 5]! ^= 1;
    expect((await errorOf(() => decryptExport(changed, { identity: alice }))).code).toBe("wrong_key");
    const vault = await TeamVault.create(join(dir, "t.kwteam"), alice, { name: "T" });
    const bad = { id: "bad id with spaces", kind: "note", label: "x", createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), historyCount: 0, secret: "hidden-secret", history: [] };
    const refused = await errorOf(() => vault.importEntries([bad]));
    expect(refused.code).toBe("invalid_input");
    expect(refused.message).toContain("The imported entry bad id with spaces cannot be imported");
    expect(refused.message).not.toContain("hidden-secret");
    expect(vault.list()).toEqual([]);
    vault.close();
    await writeFile(join(dir, "x.age"), "not an export");
    expect((await errorOf(() => readExport(join(dir, "x.age"), { identity: alice }))).code).toBe("not_an_export");
  });
});

function teamExportPayloadOf(entries: []) {
  return { format: "keyward-export" as const, version: 1 as const, exportedAt: new Date().toISOString(), source: { kind: "team" as const }, entries };
}
