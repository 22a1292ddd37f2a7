/*
 * A team vault in memory ("state") and its exact file form: decoding checks, in order, the
 * checksum, the age key wrap, the HMAC, the sealed parts, the signed history, the member list
 * against that history, and every entry against the signed event that made it.
 * Protects against: opening a damaged, altered or foreign file as if it were good, and telling a
 * user "wrong identity" when the file was changed. Does not protect against: an older genuine
 * file (rollback.ts), or memory inspection while the vault is open (keys are zeroed on close).
 */
import { equalBytes, hmacSha256 } from "../vault/crypto";
import { isTeamVaultError, tampered, TeamVaultError } from "./errors";
import { parseEvent, type TeamEvent } from "./events";
import { BodySchema, decodeContainer, encodeContainer, headerDamaged, HeaderSchema, jsonBytes, parseJson, type MemberRecord } from "./format";
import { History } from "./history";
import { fingerprint, type MemberIdentity } from "./identity";
import { keysFor, unwrapDataKey, wipeKeys, wrapDataKey, wrapStanzaCount, type TeamKeys } from "./keys";
import { encodeLedger, parseLedger, type Ledger } from "./ledger";
import { encodeIndex, openBytes, parseIndex, partAad, sealBytes, type EntryRecord } from "./records";

export interface TeamState {
  vaultId: string;
  name: string;
  createdAt: string;
  history: History;
  keys: TeamKeys;
  /** The age wrap of `keys.dataKey`, made for the members listed in `wrappedFor`. */
  keyWrap: string;
  wrappedFor: string;
  /** Every entry, tombstones included. */
  records: Map<string, EntryRecord>;
  /** Sealed secrets of the live entries. */
  sealed: Map<string, string>;
  ledger: Ledger;
}

/** Members at the head, sorted by id: the file's member list. */
export function memberList(history: History): MemberRecord[] {
  return [...history.members().values()].map((add) => add.member).sort((a, b) => (a.id < b.id ? -1 : 1));
}

const wrapKey = (members: readonly MemberRecord[]): string => members.map((m) => `${m.id}:${m.recipient}`).join(",");

export async function encodeState(state: TeamState): Promise<Buffer> {
  const members = memberList(state.history);
  if (state.wrappedFor !== wrapKey(members)) {
    state.keyWrap = await wrapDataKey(state.keys.dataKey, state.vaultId, members.map((m) => m.recipient));
    state.wrappedFor = wrapKey(members);
  }
  const header = { vaultId: state.vaultId, name: state.name, createdAt: state.createdAt, revision: state.history.revision, head: state.history.head, members, keyWrap: state.keyWrap };
  const { sealKey, macKey } = state.keys;
  const sealJson = (value: unknown, part: "index" | "history" | "ledger"): string => {
    const plain = jsonBytes(value);
    try {
      return sealBytes(sealKey, plain, partAad(part, state.vaultId));
    } finally {
      plain.fill(0);
    }
  };
  const body = {
    index: sealJson(encodeIndex(state.records.values()), "index"),
    entries: [...state.sealed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    history: sealJson(state.history.events, "history"),
    ledger: sealJson(encodeLedger(state.ledger), "ledger"),
  };
  return encodeContainer(jsonBytes(header), jsonBytes(body), (authenticated) => hmacSha256(macKey, authenticated));
}

/** The vault id in a file's header, read without any key (to match conflict copies); null when unreadable. */
export function peekVaultId(bytes: Buffer): string | null {
  try {
    return parseJson(decodeContainer(bytes).header, HeaderSchema, headerDamaged).vaultId;
  } catch {
    return null;
  }
}

export interface DecodeOptions {
  /** A head this device verified before: the signatures of its ancestors are not checked again. */
  verifiedHead?: string | null;
}

export async function decodeState(bytes: Buffer, identity: MemberIdentity, options: DecodeOptions = {}): Promise<TeamState> {
  const container = decodeContainer(bytes);
  const header = parseJson(container.header, HeaderSchema, headerDamaged);
  const dataKey = await unwrapDataKey(header.keyWrap, header.vaultId, identity);
  if (!dataKey) {
    if (header.members.some((m) => m.id === identity.id)) {
      throw tampered("your identity is in its member list, but the key is not wrapped for it (the list or the key wrap was changed)");
    }
    throw new TeamVaultError(
      "not_a_member",
      `The team vault "${header.name}" cannot be opened with your identity (${identity.name}, fingerprint ${fingerprint(identity)}): you are not one of its members, or you were removed. Ask a member to add your member card.`,
    );
  }
  const keys = keysFor(dataKey);
  try {
    if (!equalBytes(hmacSha256(keys.macKey, container.authenticated), container.mac)) {
      throw tampered("its authentication code does not match, so it was changed by someone without the team's key (for example its member list was edited)");
    }
    const body = parseJson(container.body, BodySchema, () => tampered("its body does not have the expected shape"));
    const openJson = (sealed: string, part: "index" | "history" | "ledger"): unknown => {
      const plain = openBytes(keys.sealKey, sealed, partAad(part, header.vaultId));
      if (!plain) throw tampered(`its ${part} does not decrypt`);
      try {
        return JSON.parse(plain.toString("utf8"));
      } catch {
        throw tampered(`its ${part} is not valid JSON`);
      } finally {
        plain.fill(0);
      }
    };
    const rawEvents = openJson(body.history, "history");
    if (!Array.isArray(rawEvents)) throw tampered("its history is not a list");
    const events = rawEvents.map((raw) => parseEvent(raw) ?? fail("an event of its history is malformed"));
    const history = History.verify(events as TeamEvent[], header.vaultId, options.verifiedHead);
    if (history.head !== header.head || history.revision !== header.revision) throw tampered("its revision or head does not match its signed history");
    checkMembers(header.members, memberList(history));
    const wrapped = wrapStanzaCount(header.keyWrap);
    if (wrapped !== header.members.length) throw tampered(`its key is wrapped for ${wrapped} recipients, but it has ${header.members.length} members`);
    if (!history.members().has(identity.id)) throw tampered("the key is wrapped for you, but the signed history says you are not a member");
    const records = parseIndex(openJson(body.index, "index"));
    const sealed = new Map(body.entries);
    checkRecords(records, sealed, history);
    const ledger = parseLedger(openJson(body.ledger, "ledger"));
    return { vaultId: header.vaultId, name: header.name, createdAt: header.createdAt, history, keys, keyWrap: header.keyWrap, wrappedFor: wrapKey(header.members), records, sealed, ledger };
  } catch (error) {
    wipeKeys(keys);
    if (isTeamVaultError(error)) throw error;
    throw tampered("its content could not be read");
  }
}

function fail(why: string): never {
  throw tampered(why);
}

/** The member list must be exactly what the signed history says: no one dropped, added or swapped. */
function checkMembers(listed: readonly MemberRecord[], signed: readonly MemberRecord[]): void {
  const byId = new Map(listed.map((m) => [m.id, m]));
  for (const member of signed) {
    const entry = byId.get(member.id);
    if (!entry) throw tampered(`${member.name} was dropped from its member list without a signed removal`);
    if (entry.recipient !== member.recipient || entry.signingKey !== member.signingKey || entry.name !== member.name) throw tampered(`the member list entry of ${member.name} differs from the signed one`);
    byId.delete(member.id);
  }
  const extra = [...byId.values()][0];
  if (extra) throw tampered(`${extra.name} is in its member list without a signed addition (an old member list?)`);
}

function checkRecords(records: ReadonlyMap<string, EntryRecord>, sealed: ReadonlyMap<string, string>, history: History): void {
  for (const record of records.values()) {
    const event = history.get(record.version);
    const about = event && "entryId" in event.data ? event.data.entryId : null;
    const matches = record.deleted ? event?.type === "entry.delete" && about === record.id : (event?.type === "entry.add" || event?.type === "entry.change") && (about === record.id || about === record.conflictOf);
    if (!matches) throw tampered(`entry ${record.id} does not match a signed change`);
    if (record.deleted === sealed.has(record.id)) throw tampered(`entry ${record.id} and its sealed secret do not match`);
  }
  for (const id of sealed.keys()) if (!records.has(id)) throw tampered(`a sealed secret has no entry`);
}
