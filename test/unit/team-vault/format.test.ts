/**
 * docs/team-vault.md, checked byte by byte against a real file with code written from the page:
 * container, checksum and HMAC, key wrap payload, sealed parts and their associated data, index,
 * ledger, event hashes and signatures, entry digests, fingerprints.
 */
import { createHash, createHmac, createPublicKey, verify } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Decrypter } from "age-encryption";
import { expect, it } from "vitest";
import { canonicalJson } from "../../../shared/canonical-json";
import { fingerprint, TeamVault } from "../../../core/team-vault";
import { openPart, split, subkey } from "./fileparts";
import { keyEntry, makeTeam, tempDir } from "./helpers";

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest();

it("a saved file matches its documented layout", async () => {
  const { alice, bob } = await makeTeam();
  const path = join(await tempDir("format"), "team.kwteam");
  const vault = await TeamVault.create(path, alice, { name: "Payments" });
  await vault.addMember(bob);
  const [entry] = await vault.addMany([keyEntry("k1", "Stripe")]);
  await vault.updateSecret(entry!.id, "uo_live_second");
  vault.close();
  const bytes = await readFile(path);

  // Container.
  expect(bytes.subarray(0, 8).toString("latin1")).toBe("KEYWARDT");
  expect([bytes.readUInt16BE(8), bytes.readUInt16BE(10)]).toEqual([1, 0]);
  const [h, b] = [bytes.readUInt32BE(12), bytes.readUInt32BE(16)];
  expect(bytes.subarray(20, 24)).toEqual(sha256(bytes.subarray(0, 20)).subarray(0, 4));
  expect(bytes.length).toBe(24 + h + b + 64);
  expect(bytes.subarray(bytes.length - 32)).toEqual(sha256(bytes.subarray(0, bytes.length - 32)));

  // Header and key wrap.
  const { header, body } = split(bytes);
  expect(Object.keys(header).sort()).toEqual(["createdAt", "head", "keyWrap", "members", "name", "revision", "vaultId"]);
  expect(header.members.map((m) => m.id)).toEqual([alice.id, bob.id].sort());
  const decrypter = new Decrypter();
  decrypter.addIdentity(bob.ageIdentity);
  const payload = Buffer.from(await decrypter.decrypt(Buffer.from(header.keyWrap, "base64")));
  expect(payload.length).toBe(53);
  expect(payload.subarray(0, 4).toString("latin1")).toBe("KWTK");
  expect(payload[4]).toBe(1);
  expect(payload.subarray(5, 21).toString("hex")).toBe((header.vaultId as string).replace(/-/g, ""));
  const dataKey = payload.subarray(21);

  // HMAC under the derived MAC key, over every byte before it.
  const mac = createHmac("sha256", subkey(dataKey, "mac")).update(bytes.subarray(0, 24 + h + b)).digest();
  expect(bytes.subarray(24 + h + b, 24 + h + b + 32)).toEqual(mac);

  // Sealed parts, each under its own associated data.
  const seal = subkey(dataKey, "seal");
  const part = (name: "index" | "history" | "ledger") => JSON.parse(openPart(seal, body[name], `keyward-team/v1/${name}\0${header.vaultId as string}`)!.toString("utf8"));
  const index = part("index") as unknown[][];
  const events = part("history") as Array<Record<string, unknown> & { sig: string; author: string; data: Record<string, unknown> }>;
  const ledger = part("ledger") as unknown[][];
  expect(index).toHaveLength(1);
  expect(index[0]).toHaveLength(12);
  expect(ledger.every((row) => row.length === 8)).toBe(true);
  expect(ledger.map((row) => row[1]).sort()).toEqual([alice.id, bob.id].sort());
  const [id, sealed] = body.entries[0]!;
  const secrets = JSON.parse(openPart(seal, sealed, `keyward-team/v1/entry\0${header.vaultId as string}\0${id}`)!.toString("utf8"));
  expect(secrets).toEqual({ secret: "uo_live_second", history: [{ secret: keyEntry("k1").secret, replacedAt: index[0]![4] }] });

  // Events: hash chain, signatures by the members' keys, the entry digest.
  const keys = new Map(header.members.map((m) => [m.id, createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: m.signingKey }, format: "jwk" })]));
  let previous: string | null = null;
  for (const event of events) {
    const { sig, ...unsigned } = event;
    const hash = sha256(`keyward-team-event/v1\0${canonicalJson(unsigned)}`);
    expect(event.parents).toEqual(previous ? [previous] : []);
    expect(verify(null, Buffer.concat([Buffer.from("keyward-team-event-sig/v1\0"), hash]), keys.get(event.author)!, Buffer.from(sig, "base64url"))).toBe(true);
    previous = hash.toString("hex");
  }
  expect(previous).toBe(header.head);
  expect(events.map((e) => e.type)).toEqual(["vault.create", "member.add", "entry.add", "entry.change"]);
  const [, kind, label, createdAt, updatedAt, meta, , version] = index[0]! as string[];
  expect(version).toBe(header.head);
  const digest = sha256(`keyward-team-entry/v1\0${canonicalJson({ kind, label, meta, createdAt, updatedAt, secret: secrets.secret, history: secrets.history.map((x: { secret: string; replacedAt: string }) => [x.secret, x.replacedAt]) })}`);
  expect(events.at(-1)!.data.digest).toBe(digest.toString("hex"));

  // Member id and fingerprint.
  const print = sha256(`keyward-member-fingerprint/v1\n${bob.recipient}\n${bob.signingKey}\n`).subarray(0, 16);
  expect(bob.id).toBe(print.toString("hex"));
  expect(fingerprint(bob)).toBe(print.toString("hex").toUpperCase().match(/.{4}/g)!.join(" "));
});
