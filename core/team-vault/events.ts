/*
 * History events: what each change says, how it is hashed into the chain and signed.
 * Protects against: a change being attributed to someone who did not make it (Ed25519 signature
 * by the author's key over the event hash), events being reordered, dropped or moved between
 * vaults (each names its parents' hashes and the vault id). Does not protect against: a signer's
 * clock (`at` is the author's claim), or a member signing something they should not have.
 */
import { createHash, sign, verify } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "../../shared/canonical-json";
import type { MemberIdentity } from "./identity";
import { signingPublicKeyObject } from "./identity";
import { HEX64, isoDate, MemberRecordSchema } from "./format";

const hex64 = z.string().regex(HEX64);
const entryId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/);
const meta = z.record(z.string(), z.string()).nullable();
const entryFields = { entryId, kind: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), label: z.string(), meta };

const DataSchemas = {
  "vault.create": z.strictObject({ name: z.string(), member: MemberRecordSchema }),
  "member.add": z.strictObject({ member: MemberRecordSchema }),
  /** `removes` names the add events of that member this removal has seen (an observed-remove set). */
  "member.remove": z.strictObject({ memberId: z.string().regex(/^[0-9a-f]{32}$/), removes: z.array(hex64).min(1) }),
  "entry.add": z.strictObject({ ...entryFields, digest: hex64, imported: z.boolean() }),
  "entry.change": z.strictObject({ ...entryFields, digest: hex64, secretChanged: z.boolean(), imported: z.boolean() }),
  "entry.delete": z.strictObject(entryFields),
  rekey: z.strictObject({ reason: z.enum(["member_removed", "merge", "manual"]) }),
  merge: z.strictObject({
    conflicts: z.array(z.strictObject({ entryId, copyId: entryId.nullable(), kind: z.enum(["both_changed", "deleted_and_changed"]) })),
    refused: z.array(entryId),
  }),
} as const;

export type EventType = keyof typeof DataSchemas;
export type EventData<T extends EventType = EventType> = z.infer<(typeof DataSchemas)[T]>;
export const EVENT_TYPES = Object.keys(DataSchemas) as EventType[];

export interface TeamEvent<T extends EventType = EventType> {
  v: 1;
  vaultId: string;
  /** Hashes of the events this one follows: none for the first, two or more for a merge. */
  parents: string[];
  /** The file revision this event was saved in. */
  rev: number;
  at: string;
  /** Member id of the signer. */
  author: string;
  type: T;
  data: EventData<T>;
  /** Ed25519 over "keyward-team-event-sig/v1\0" || SHA-256 event hash, base64url. */
  sig: string;
}

const EventShape = z.strictObject({
  v: z.literal(1),
  vaultId: z.uuid(),
  parents: z.array(hex64).max(16),
  rev: z.int().min(1),
  at: isoDate,
  author: z.string().regex(/^[0-9a-f]{32}$/),
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
  data: z.unknown(),
  sig: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});

/** Parses one stored event; null when it is not a well-formed event of a known type. */
export function parseEvent(value: unknown): TeamEvent | null {
  const shape = EventShape.safeParse(value);
  if (!shape.success) return null;
  const data = DataSchemas[shape.data.type].safeParse(shape.data.data);
  if (!data.success) return null;
  return { ...shape.data, data: data.data } as TeamEvent;
}

const HASH_DOMAIN = "keyward-team-event/v1\0";
const SIG_DOMAIN = Buffer.from("keyward-team-event-sig/v1\0", "utf8");

export function eventHash(event: Omit<TeamEvent, "sig"> | TeamEvent): string {
  const { sig: _sig, ...unsigned } = event as TeamEvent;
  return createHash("sha256").update(HASH_DOMAIN + canonicalJson(unsigned)).digest("hex");
}

export function signEvent<T extends EventType>(identity: MemberIdentity, unsigned: Omit<TeamEvent<T>, "sig">): { event: TeamEvent<T>; hash: string } {
  const hash = eventHash(unsigned);
  const sig = sign(null, Buffer.concat([SIG_DOMAIN, Buffer.from(hash, "hex")]), identity.signingPrivateKey).toString("base64url");
  return { event: { ...unsigned, sig } as TeamEvent<T>, hash };
}

export function verifyEventSignature(hash: string, sig: string, signingKey: string): boolean {
  try {
    return verify(null, Buffer.concat([SIG_DOMAIN, Buffer.from(hash, "hex")]), signingPublicKeyObject(signingKey), Buffer.from(sig, "base64url"));
  } catch {
    return false;
  }
}

/** Which entry an event is about, if any. */
export function eventEntryId(event: TeamEvent): string | null {
  return event.type === "entry.add" || event.type === "entry.change" || event.type === "entry.delete" ? (event.data as EventData<"entry.add">).entryId : null;
}
