import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Encrypter } from "age-encryption";
import { beforeEach, describe, expect, it } from "vitest";
import { TeamVault, type TeamVaultSeen } from "../../../core/team-vault";
import { Vault } from "../../../core/vault";
import { dataKeyWith, editPart, fixChecksum, join as joinParts, split, subkey } from "./fileparts";
import { errorOf, keyEntry, makeTeam, tempDir, type Team } from "./helpers";

/** A vault shared by Alice and Bob (Carol was a member and was removed), plus copies from along the way. */
interface Setup extends Team {
  dir: string;
  path: string;
  withCarol: Buffer;
  beforeLast: Buffer;
  aliceSeen: TeamVaultSeen;
  secret: string;
}

let s: Setup;

beforeEach(async () => {
  const team = await makeTeam();
  const dir = await tempDir("tamper");
  const path = join(dir, "team.kwteam");
  let aliceSeen: TeamVaultSeen | null = null;
  const a = await TeamVault.create(path, team.alice, { name: "Team", onSeen: (seen) => void (aliceSeen = seen) });
  await a.addMember(team.bob);
  await a.addMember(team.carol);
  await a.add(keyEntry("k1", "Stripe"));
  const withCarol = await readFile(path);
  await a.removeMember(team.carol.id);
  const beforeLast = await readFile(path);
  await a.add(keyEntry("k2", "GitHub"));
  a.close();
  s = { ...team, dir, path, withCarol, beforeLast, aliceSeen: aliceSeen!, secret: keyEntry("k2").secret };
});

const openAs = (who: keyof Team, seen?: TeamVaultSeen) => TeamVault.open(s.path, s[who], { seen });
const insiderKeys = async (bytes: Buffer) => {
  const dataKey = await dataKeyWith(bytes, s.alice.ageIdentity);
  return { seal: subkey(dataKey, "seal"), mac: subkey(dataKey, "mac") };
};

describe("tampering and rollback are detected with a clear message", () => {
  it("a flipped byte: the file is reported damaged", async () => {
    const bytes = await readFile(s.path);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    await writeFile(s.path, bytes);
    const error = await errorOf(() => openAs("alice"));
    expect(error).toMatchObject({ code: "corrupt" });
    expect(error.message).toContain("The team vault file is damaged (its checksum does not match)");
  });

  it("a flipped byte with the checksum made good again: the file is reported altered", async () => {
    const bytes = await readFile(s.path);
    bytes[bytes.length - 200]! ^= 0x01;
    await writeFile(s.path, fixChecksum(bytes));
    const error = await errorOf(() => openAs("bob"));
    expect(error.code).toBe("tampered");
    expect(error.message).toContain("its authentication code does not match");
  });

  it("a dropped member (member list edited by someone without the key): refused for everyone", async () => {
    const bytes = await readFile(s.path);
    const parts = split(bytes);
    parts.header.members = parts.header.members.filter((m) => m.name !== "Bob");
    await writeFile(s.path, joinParts(parts, null, bytes));
    for (const who of ["alice", "bob"] as const) {
      const error = await errorOf(() => openAs(who));
      expect(error.code).toBe("tampered");
      expect(error.message).toContain("for example its member list was edited");
    }
  });

  it("a dropped member (member list edited and re-authenticated by a key holder): the signed history catches it", async () => {
    const bytes = await readFile(s.path);
    const parts = split(bytes);
    parts.header.members = parts.header.members.filter((m) => m.name !== "Bob");
    await writeFile(s.path, joinParts(parts, (await insiderKeys(bytes)).mac, bytes));
    const error = await errorOf(() => openAs("alice"));
    expect(error.code).toBe("tampered");
    expect(error.message).toContain("Bob was dropped from its member list without a signed removal");
  });

  it("a replayed old member list: refused without the key, and with it", async () => {
    const bytes = await readFile(s.path);
    const parts = split(bytes);
    parts.header.members = split(s.withCarol).header.members;
    await writeFile(s.path, joinParts(parts, null, bytes));
    expect(await errorOf(() => openAs("alice"))).toMatchObject({ code: "tampered" });
    await writeFile(s.path, joinParts(parts, (await insiderKeys(bytes)).mac, bytes));
    const error = await errorOf(() => openAs("alice"));
    expect(error.message).toContain("Carol is in its member list without a signed addition (an old member list?)");
    // With the old key wrap replayed too, Carol's identity unwraps the old key, which authenticates nothing new.
    parts.header.keyWrap = split(s.withCarol).header.keyWrap;
    await writeFile(s.path, joinParts(parts, null, bytes));
    expect(await errorOf(() => openAs("carol"))).toMatchObject({ code: "tampered" });
  });

  it("an older copy of the file: refused by a device that saw a newer one", async () => {
    await writeFile(s.path, s.beforeLast);
    const error = await errorOf(() => openAs("alice", s.aliceSeen));
    expect(error.code).toBe("rollback");
    expect(error.message).toMatch(/older than the one this device already opened \(revision \d+; this device saw revision \d+\)/);
    // A device with no memory of the vault cannot tell, by design (docs/team-vault.md says so).
    (await openAs("bob")).close();
  });

  it("a removed member's old copy, edited and put back in place: refused by a device that saw the removal", async () => {
    const hersPath = join(await tempDir("carol"), "team.kwteam");
    await writeFile(hersPath, s.withCarol);
    const hers = await TeamVault.open(hersPath, s.carol);
    for (let i = 0; i < 8; i++) await hers.add(keyEntry(`evil${i}`, `Planted ${i}`)); // pushes its revision past the real one
    hers.close();
    await copyFile(hersPath, s.path);
    const error = await errorOf(() => openAs("alice", s.aliceSeen));
    expect(error.code).toBe("rollback");
    expect(error.message).toContain("does not contain changes this device already saw");
  });

  it("the key wrapped to an outsider as well, by a key holder: the count of wrapped keys gives it away", async () => {
    const bytes = await readFile(s.path);
    const parts = split(bytes);
    const dataKey = await dataKeyWith(bytes, s.alice.ageIdentity);
    const payload = Buffer.concat([Buffer.from("KWTK"), Buffer.from([1]), Buffer.from((parts.header.vaultId as string).replace(/-/g, ""), "hex"), dataKey]);
    const encrypter = new Encrypter();
    for (const recipient of [s.alice.recipient, s.bob.recipient, s.carol.recipient]) encrypter.addRecipient(recipient);
    parts.header.keyWrap = Buffer.from(await encrypter.encrypt(payload)).toString("base64");
    await writeFile(s.path, joinParts(parts, (await insiderKeys(bytes)).mac, bytes));
    const error = await errorOf(() => openAs("bob"));
    expect(error.code).toBe("tampered");
    expect(error.message).toContain("its key is wrapped for 3 recipients, but it has 2 members");
  });

  it("a change re-attributed to another member in the history: the signature does not match", async () => {
    const bytes = await readFile(s.path);
    const parts = split(bytes);
    const keys = await insiderKeys(bytes);
    editPart(parts, keys.seal, "history", (events: Array<{ author: string; type: string }>) => {
      events.at(-1)!.author = s.bob.id;
    });
    await writeFile(s.path, joinParts(parts, keys.mac, bytes));
    const error = await errorOf(() => openAs("alice"));
    expect(error.code).toBe("tampered");
    expect(error.message).toContain("does not carry their valid signature");
  });

  it("an entry swapped by a key holder without a signed change: reading it says so, without the secret", async () => {
    const bytes = await readFile(s.path);
    const parts = split(bytes);
    const keys = await insiderKeys(bytes);
    editPart(parts, keys.seal, "index", (rows: unknown[][]) => {
      rows.find((row) => row[2] === "GitHub")![2] = "Renamed quietly";
    });
    await writeFile(s.path, joinParts(parts, keys.mac, bytes));
    const a = await openAs("alice");
    const id = a.list().find((e) => e.label === "Renamed quietly")!.id;
    const error = await errorOf(() => a.get(id));
    expect(error.code).toBe("tampered");
    expect(error.message).toContain("does not match its signed change");
    expect(error.message).not.toContain(s.secret);
    a.close();
  });

  it("a cut-short file, a personal vault and another file each get their own message", async () => {
    await writeFile(s.path, (await readFile(s.path)).subarray(0, 300));
    expect(await errorOf(() => openAs("alice"))).toMatchObject({ code: "truncated" });
    const personal = join(s.dir, "mine.kwvault");
    (await Vault.create(personal, "a passphrase", { kdf: { memoryKiB: 64, iterations: 1, parallelism: 1 } })).lock();
    const error = await errorOf(() => TeamVault.open(personal, s.alice));
    expect(error).toMatchObject({ code: "not_a_team_vault", message: "This file is a personal Keyward vault, not a team vault." });
    await writeFile(s.path, "API_KEY=uo_live_x\n");
    expect(await errorOf(() => openAs("alice"))).toMatchObject({ code: "not_a_team_vault", message: "This file is not a Keyward team vault." });
    expect(await errorOf(() => TeamVault.open(join(s.dir, "missing.kwteam"), s.alice))).toMatchObject({ code: "not_found" });
  });
});
