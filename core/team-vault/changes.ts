/*
 * The changes one save can carry, made on a draft of the state: each appends a signed event to
 * the history and updates the entries it is about. A removal makes a new data key and re-seals
 * every entry under it. The draft copies what it changes, so a change that throws leaves the
 * vault as it was.
 * Protects against: unattributed changes (every one is signed by the saver), a removed member
 * reading anything saved after the removal (new key, wrapped only to the remaining members).
 * Does not protect against: what the removed member copied while a member (see the exposure list).
 */
import { randomUUID } from "node:crypto";
import { mergeEntry } from "../vault/merge";
import { checkFullEntry, type CheckedNewEntry, type CheckedPatch, type FullEntry } from "../vault/entries";
import { invalid, TeamVaultError } from "./errors";
import { signEvent, type EventData, type EventType } from "./events";
import type { MemberRecord } from "./format";
import { History } from "./history";
import type { MemberIdentity } from "./identity";
import { newKeys, type TeamKeys } from "./keys";
import { recordReaders } from "./ledger";
import { readFull, liveRecord } from "./read";
import { entryDigest, openSecrets, sealSecrets, type EntryRecord } from "./records";
import { memberList, type TeamState } from "./state";

export class Draft {
  readonly state: TeamState;
  readonly #identity: MemberIdentity;
  readonly #at: string;
  readonly #rev: number;
  #parents: string[] | null;

  /** `parents`: for a merge, the two heads it joins (the first event of the draft names them). */
  constructor(base: TeamState, identity: MemberIdentity, at: string, options: { parents?: string[]; rev?: number } = {}) {
    this.state = { ...base, history: base.history.clone(), records: new Map(base.records), sealed: new Map(base.sealed), ledger: new Map(base.ledger) };
    this.#identity = identity;
    this.#at = at;
    this.#rev = options.rev ?? base.history.revision + 1;
    this.#parents = options.parents ?? null;
  }

  get at(): string {
    return this.#at;
  }

  emit<T extends EventType>(type: T, data: EventData<T>): string {
    const parents = this.#parents ?? [this.state.history.head];
    if (!this.state.history.membersAtHeads(parents).has(this.#identity.id)) {
      throw new TeamVaultError("not_a_member", `You are no longer a member of the team vault "${this.state.name}", so it cannot be changed with your identity.`);
    }
    this.#parents = null;
    const { event } = signEvent(this.#identity, { v: 1, vaultId: this.state.vaultId, parents, rev: this.#rev, at: this.#at, author: this.#identity.id, type, data });
    return this.state.history.append(event, this.state.vaultId);
  }

  #store(entry: FullEntry, type: "entry.add" | "entry.change", extra: { secretChanged?: boolean; imported?: boolean; createdBy?: string; conflictOf?: string }): EntryRecord {
    const digest = entryDigest(entry);
    const fields = { entryId: entry.id, kind: entry.kind, label: entry.label, meta: entry.meta ?? null, digest, imported: extra.imported ?? false };
    const version = type === "entry.add" ? this.emit("entry.add", fields) : this.emit("entry.change", { ...fields, secretChanged: extra.secretChanged ?? false });
    const record: EntryRecord = {
      id: entry.id, kind: entry.kind, label: entry.label, createdAt: entry.createdAt, updatedAt: entry.updatedAt, historyCount: entry.history.length,
      version, createdBy: extra.createdBy ?? this.#identity.id, updatedBy: this.#identity.id, deleted: false,
    };
    if (entry.meta) record.meta = { ...entry.meta };
    if (extra.conflictOf) record.conflictOf = extra.conflictOf;
    this.state.records.set(entry.id, record);
    this.state.sealed.set(entry.id, sealSecrets(this.state.keys.sealKey, this.state.vaultId, entry.id, entry));
    return record;
  }

  addEntry(input: CheckedNewEntry): EntryRecord {
    const existing = this.state.records.get(input.id);
    if (existing && !existing.deleted) throw new TeamVaultError("already_exists", `A team vault entry with id ${input.id} already exists.`);
    const entry: FullEntry = { id: input.id, kind: input.kind, label: input.label, createdAt: this.#at, updatedAt: this.#at, historyCount: 0, secret: input.secret, history: [] };
    if (input.meta) entry.meta = input.meta;
    return this.#store(entry, "entry.add", {});
  }

  patchEntry(id: string, patch: CheckedPatch): EntryRecord {
    const current = readFull(this.state, id);
    const next: FullEntry = { ...current, updatedAt: this.#at };
    if (patch.kind !== undefined) next.kind = patch.kind;
    if (patch.label !== undefined) next.label = patch.label;
    if (patch.meta === null) delete next.meta;
    else if (patch.meta !== undefined) next.meta = patch.meta;
    return this.#store(next, "entry.change", { createdBy: liveRecord(this.state, id).createdBy, conflictOf: current.conflictOf });
  }

  /** The old secret becomes the newest history item (rotation); the oldest beyond `historyLimit` are dropped. */
  replaceSecret(id: string, secret: string, historyLimit: number, meta?: Record<string, string> | null): EntryRecord {
    const current = readFull(this.state, id);
    const next: FullEntry = { ...current, updatedAt: this.#at };
    if (meta === null) delete next.meta;
    else if (meta !== undefined) next.meta = meta;
    if (current.secret === secret && meta === undefined) return liveRecord(this.state, id);
    if (current.secret !== secret) Object.assign(next, { secret, history: [{ secret: current.secret, replacedAt: this.#at }, ...current.history].slice(0, historyLimit) });
    return this.#store(next, "entry.change", { secretChanged: current.secret !== secret, createdBy: liveRecord(this.state, id).createdBy, conflictOf: current.conflictOf });
  }

  /** Drops the previous secrets; `meta`, when given, replaces the entry's (a finished rotation no longer names the old key). */
  clearHistory(id: string, meta?: Record<string, string> | null): EntryRecord {
    const current = readFull(this.state, id);
    return this.#store(withMeta({ ...current, updatedAt: this.#at, history: [] }, meta), "entry.change", { secretChanged: true, createdBy: liveRecord(this.state, id).createdBy, conflictOf: current.conflictOf });
  }

  /** The newest previous secret becomes the secret again and the current one is forgotten (a cancelled rotation). */
  restorePreviousSecret(id: string, meta?: Record<string, string> | null): EntryRecord {
    const current = readFull(this.state, id);
    const [previous, ...older] = current.history;
    if (!previous) throw invalid(`The entry “${current.label}” has no previous secret to put back.`);
    const next = withMeta({ ...current, updatedAt: this.#at, secret: previous.secret, history: older }, meta);
    return this.#store(next, "entry.change", { secretChanged: true, createdBy: liveRecord(this.state, id).createdBy, conflictOf: current.conflictOf });
  }

  deleteEntry(id: string): void {
    const record = liveRecord(this.state, id);
    const version = this.emit("entry.delete", { entryId: id, kind: record.kind, label: record.label, meta: record.meta ?? null });
    this.state.records.set(id, { ...record, updatedAt: this.#at, updatedBy: this.#identity.id, version, deleted: true });
    this.state.sealed.delete(id);
  }

  /** Adds or merges entries from an export: new ones keep every field; existing ones merge as a personal vault import does. */
  importEntries(incoming: readonly FullEntry[], historyLimit: number): { added: number; updated: number; unchanged: number } {
    const report = { added: 0, updated: 0, unchanged: 0 };
    for (const entry of incoming) {
      const exists = this.state.records.get(entry.id);
      if (exists && !exists.deleted) {
        const { conflictOf, ...local } = readFull(this.state, entry.id);
        const merged = mergeEntry(local, entry, this.#at, historyLimit);
        if (!merged) report.unchanged += 1;
        else {
          this.#store(merged, "entry.change", { secretChanged: true, imported: true, createdBy: exists.createdBy, conflictOf });
          report.updated += 1;
        }
        continue;
      }
      this.#store({ ...entry, historyCount: entry.history.length }, "entry.add", { imported: true });
      report.added += 1;
    }
    return report;
  }

  addMember(card: MemberRecord): void {
    if (this.state.history.members().has(card.id)) throw new TeamVaultError("already_exists", `${card.name} is already a member of this team vault.`);
    this.emit("member.add", { member: card });
  }

  removeMember(memberId: string): MemberRecord {
    const members = this.state.history.members();
    const member = members.get(memberId)?.member;
    if (!member) throw new TeamVaultError("not_found", "That person is not a member of this team vault.");
    if (members.size === 1) throw invalid("The last member of a team vault cannot be removed.");
    // Leaving: sign the new key before the removal, after which this identity may sign nothing.
    if (memberId === this.#identity.id) this.rekey("member_removed");
    this.emit("member.remove", { memberId, removes: this.state.history.liveAddsOf(memberId) });
    if (memberId !== this.#identity.id) this.rekey("member_removed");
    return member;
  }

  /** A new data key: every live entry is re-sealed under it, and the next save wraps it to the members. */
  rekey(reason: EventData<"rekey">["reason"]): void {
    this.replaceKeys(newKeys());
    this.emit("rekey", { reason });
  }

  /** Re-seals every live entry under `keys` (taking ownership of them). */
  replaceKeys(keys: TeamKeys, source: (id: string) => { keys: TeamKeys; sealed: string } = (id) => ({ keys: this.state.keys, sealed: this.state.sealed.get(id)! })): void {
    const sealed = new Map<string, string>();
    for (const id of this.state.sealed.keys()) {
      const from = source(id);
      const secrets = openSecrets(from.keys.sealKey, this.state.vaultId, id, from.sealed);
      sealed.set(id, sealSecrets(keys.sealKey, this.state.vaultId, id, secrets));
    }
    this.state.sealed = sealed;
    this.state.keys = keys;
    this.state.wrappedFor = "";
  }

  /** Ends the draft: records who can read what this save writes, and returns the new state. */
  finish(): TeamState {
    recordReaders(this.state.ledger, this.state.records.values(), memberList(this.state.history).map((m) => m.id), this.#at);
    return this.state;
  }
}

/** `entry` with `meta` in place of its own: undefined keeps it, null removes it. */
function withMeta<T extends FullEntry>(entry: T, meta: Record<string, string> | null | undefined): T {
  if (meta === null) delete entry.meta;
  else if (meta !== undefined) entry.meta = meta;
  return entry;
}

/** An imported entry as the vault will store it, or invalid_input naming the entry (never its secret). */
export function checkImportedEntry(entry: FullEntry): FullEntry {
  const where = `The imported entry ${typeof entry?.id === "string" ? entry.id.slice(0, 64) : "(no id)"}`;
  try {
    return checkFullEntry(entry);
  } catch (error) {
    throw invalid(`${where} cannot be imported (${error instanceof Error ? error.message.replace(/\.$/, "") : "it is malformed"}). Nothing was imported.`);
  }
}

export function newVaultState(identity: MemberIdentity, name: string, at: string, keys: TeamKeys): TeamState {
  const vaultId = randomUUID();
  const member: MemberRecord = { id: identity.id, name: identity.name, recipient: identity.recipient, signingKey: identity.signingKey };
  const { event } = signEvent(identity, { v: 1, vaultId, parents: [], rev: 1, at, author: identity.id, type: "vault.create", data: { name, member } });
  const history = History.verify([event], vaultId);
  return { vaultId, name, createdAt: at, history, keys, keyWrap: "", wrappedFor: "", records: new Map(), sealed: new Map(), ledger: new Map() };
}

