/*
 * Member identities: an age X25519 key pair (opens the team vaults the member belongs to) and an
 * Ed25519 key pair (signs every change the member makes), with a public card to paste in chat.
 * Protects against: a changed card going unnoticed (the fingerprint, compared out of band, covers
 * both public keys) and one member passing a change off as another's (signatures). Does not
 * protect against: a user who skips the fingerprint comparison, or malware that reads the
 * serialized identity out of the unlocked personal vault. The name is a label, not authenticated.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { generateX25519Identity, identityToRecipient } from "age-encryption";
import { invalid, TeamVaultError } from "./errors";

/** What everyone may know about a member: the card's content. */
export interface MemberCard {
  /** Hex of the first 16 bytes of the fingerprint hash: stable, derived from the two public keys. */
  id: string;
  name: string;
  /** The age X25519 recipient, `age1…`. */
  recipient: string;
  /** The Ed25519 public key, 32 bytes, base64url. */
  signingKey: string;
}

/** A member's own identity, private parts included. Lives in the personal vault (entry kind `member_identity`). */
export interface MemberIdentity extends MemberCard {
  /** The age X25519 identity, `AGE-SECRET-KEY-1…`; also usable with `age -d -i`. */
  readonly ageIdentity: string;
  readonly signingPrivateKey: KeyObject;
}

const CARD_PREFIX = "keyward-member";
const IDENTITY_PREFIX = "keyward-identity";
const VERSION = "1";
const NAME_MAX = 64;
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const B64URL_32 = /^[A-Za-z0-9_-]{43}$/;
const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;
const AGE_IDENTITY = /^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/;

export function checkMemberName(name: unknown): string {
  if (typeof name !== "string" || name.trim() === "") throw invalid("A member needs a name.");
  const trimmed = name.trim();
  if (trimmed.length > NAME_MAX) throw invalid(`A member name is at most ${NAME_MAX} characters.`);
  if (/\p{Cc}/u.test(trimmed)) throw invalid("A member name cannot contain control characters.");
  return trimmed;
}

function fingerprintHash(recipient: string, signingKey: string): Buffer {
  return createHash("sha256").update(`keyward-member-fingerprint/v1\n${recipient}\n${signingKey}\n`).digest();
}

export function memberIdOf(recipient: string, signingKey: string): string {
  return fingerprintHash(recipient, signingKey).subarray(0, 16).toString("hex");
}

/**
 * What two people read to each other to be sure a card is genuine: 128 bits of SHA-256 over both
 * public keys, as 8 groups of 4 hex digits (`3F2A 91C0 …`).
 */
export function fingerprint(card: Pick<MemberCard, "recipient" | "signingKey">): string {
  const hex = fingerprintHash(card.recipient, card.signingKey).subarray(0, 16).toString("hex").toUpperCase();
  return hex.match(/.{4}/g)!.join(" ");
}

function publicSigningKey(privateKey: KeyObject): string {
  const jwk = createPublicKey(privateKey).export({ format: "jwk" });
  if (typeof jwk.x !== "string" || !B64URL_32.test(jwk.x)) throw new TeamVaultError("invalid_input", "The signing key is not an Ed25519 key.");
  return jwk.x;
}

function signingKeyFromSeed(seed: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
}

// Opening a vault checks one signature per change, by a handful of members: build each key once.
const publicKeys = new Map<string, KeyObject>();

export function signingPublicKeyObject(signingKey: string): KeyObject {
  let key = publicKeys.get(signingKey);
  if (!key) {
    key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: signingKey }, format: "jwk" });
    if (publicKeys.size >= 256) publicKeys.clear();
    publicKeys.set(signingKey, key);
  }
  return key;
}

async function assemble(name: string, ageIdentity: string, signingPrivateKey: KeyObject): Promise<MemberIdentity> {
  const recipient = await identityToRecipient(ageIdentity);
  const signingKey = publicSigningKey(signingPrivateKey);
  return Object.freeze({ id: memberIdOf(recipient, signingKey), name, recipient, signingKey, ageIdentity, signingPrivateKey });
}

/** A new identity for `name` (the app makes one on first use and stores it with `serializeIdentity`). */
export async function createIdentity(name: string): Promise<MemberIdentity> {
  const checkedName = checkMemberName(name);
  const { privateKey } = generateKeyPairSync("ed25519");
  return assemble(checkedName, await generateX25519Identity(), privateKey);
}

/** The private identity as one line, the secret of the personal vault's `member_identity` entry. */
export function serializeIdentity(identity: MemberIdentity): string {
  const der = identity.signingPrivateKey.export({ format: "der", type: "pkcs8" });
  const seed = der.subarray(ED25519_PKCS8_PREFIX.length);
  const line = [IDENTITY_PREFIX, VERSION, encodeURIComponent(identity.name), identity.ageIdentity, seed.toString("base64url")].join(":");
  der.fill(0);
  return line;
}

export async function parseIdentity(text: string): Promise<MemberIdentity> {
  const bad = () => new TeamVaultError("invalid_input", "This is not a Keyward member identity (it should start with keyward-identity:1:).");
  const parts = typeof text === "string" ? text.trim().split(":") : [];
  if (parts.length !== 5 || parts[0] !== IDENTITY_PREFIX) throw bad();
  if (parts[1] !== VERSION) throw new TeamVaultError("unsupported_version", `This member identity uses version ${parts[1]}; update Keyward to use it.`);
  const [, , rawName, ageIdentity, seedText] = parts as [string, string, string, string, string];
  if (!AGE_IDENTITY.test(ageIdentity) || !B64URL_32.test(seedText)) throw bad();
  const seed = Buffer.from(seedText, "base64url");
  try {
    return await assemble(checkMemberName(decodeName(rawName, bad)), ageIdentity, signingKeyFromSeed(seed));
  } finally {
    seed.fill(0);
  }
}

function decodeName(raw: string, bad: () => Error): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw bad();
  }
}

/** The card to paste in chat: `keyward-member:1:<name>:<age1…>:<Ed25519 key>`. */
export function memberCardText(card: MemberCard): string {
  return [CARD_PREFIX, VERSION, encodeURIComponent(card.name), card.recipient, card.signingKey].join(":");
}

/** Reads a pasted card; whitespace around it (chat clients add some) is ignored. */
export function parseMemberCard(text: string): MemberCard {
  const bad = () => invalid("This is not a Keyward member card. It looks like keyward-member:1:<name>:age1…:<key>; ask the member to copy theirs again.");
  const parts = typeof text === "string" ? text.trim().split(":") : [];
  if (parts.length !== 5 || parts[0] !== CARD_PREFIX) throw bad();
  if (parts[1] !== VERSION) throw new TeamVaultError("unsupported_version", `This member card uses version ${parts[1]}; update Keyward to add this member.`);
  const [, , rawName, recipient, signingKey] = parts as [string, string, string, string, string];
  if (!AGE_RECIPIENT.test(recipient) || !B64URL_32.test(signingKey)) throw bad();
  try {
    signingPublicKeyObject(signingKey);
  } catch {
    throw bad();
  }
  return { id: memberIdOf(recipient, signingKey), name: checkMemberName(decodeName(rawName, bad)), recipient, signingKey };
}

/** The public part of an identity (no private key). */
export function cardOf(identity: MemberCard): MemberCard {
  return { id: identity.id, name: identity.name, recipient: identity.recipient, signingKey: identity.signingKey };
}
