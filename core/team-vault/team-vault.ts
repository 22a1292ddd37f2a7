/*
 * A team vault handle: create or open the shared file with a member identity, read entries, and
 * change them. Every change is one save: under this machine's lock, re-read the file and any
 * conflict copies, merge them in, apply the change as signed events, write atomically.
 * Protects against: losing a concurrent save (merge before every write), a half-written file
 * (atomic replace), an older file being taken as current (rollback.ts), and a removed member
 * opening what is saved after their removal (new data key). Does not protect against: a member
 * copying secrets while a member (the exposure list says which), or malware on a member's machine.
 */
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { writeFileAtomic } from "../vault/atomic-write";
import { wipe } from "../vault/crypto";
import { checkNewEntry, checkPatch, checkSecret, DEFAULT_HISTORY_LIMIT, type FullEntry, type NewEntry, type EntryPatch, type PreviousSecret } from "../vault/entries";
import { checkImportedEntry, Draft, newVaultState } from "./changes";
import { ioError, isTeamVaultError, TeamVaultError } from "./errors";
import { cardOf, parseMemberCard, type MemberCard, type MemberIdentity } from "./identity";
import { newKeys, wipeKeys } from "./keys";
import { exposureOf, type ExposedKey } from "./ledger";
import { withLock, type LockOptions } from "./lock";
import { liveRecord, readFull } from "./read";
import { checkNotRolledBack, seenOf, type TeamVaultSeen } from "./rollback";
import { removeMergedCopy, removeStaleTempFiles } from "./siblings";
import { decodeState, encodeState, peekVaultId, type TeamState } from "./state";
import { absorb, emptyReport, readConflictCopies, readFileIfExists, removedError, type Incoming, type MergeReport } from "./sync";
import { changesView, entryView, formerMembersView, memberNames, membersView, type FormerMember, type TeamChange, type TeamEntryInfo, type TeamMember } from "./views";

export interface TeamVaultOptions extends LockOptions {
  now?: () => Date;
  /** Previous secrets kept per entry (default 20, as in the personal vault). */
  historyLimit?: number;
  /**
   * What this device last saw of this vault (from `onSeen`, persisted by the app): older files are
   * refused. An app that keeps the states of several vaults passes a lookup: it is asked with the
   * vault id of the very bytes being opened, so a file chosen in a dialog gets its own state.
   */
  seen?: TeamVaultSeen | null | ((vaultId: string) => TeamVaultSeen | null);
  /** Called after every open and save with what this device has now seen; the app persists it. */
  onSeen?: (seen: TeamVaultSeen) => void | Promise<void>;
}

export class TeamVault {
  readonly path: string;
  readonly #identity: MemberIdentity;
  readonly #options: TeamVaultOptions;
  #state: TeamState | null;
  #bytes: Buffer;
  #queue: Promise<unknown> = Promise.resolve();
  #lastMerge: MergeReport | null = null;

  private constructor(path: string, identity: MemberIdentity, state: TeamState, bytes: Buffer, options: TeamVaultOptions) {
    this.path = path;
    this.#identity = identity;
    this.#state = state;
    this.#bytes = bytes;
    this.#options = options;
  }

  /** Creates a new team vault file with `identity` as its first member; refuses to replace a file. */
  static async create(path: string, identity: MemberIdentity, options: TeamVaultOptions & { name: string }): Promise<TeamVault> {
    const name = typeof options.name === "string" ? options.name.trim() : "";
    if (name === "" || name.length > 200) throw new TeamVaultError("invalid_input", "A team vault needs a name of 1 to 200 characters.");
    const target = resolve(path);
    await mkdir(dirname(target), { recursive: true }).catch((error: unknown) => {
      throw ioError(error, `create the folder ${dirname(target)}`);
    });
    const state = newVaultState(identity, name, (options.now?.() ?? new Date()).toISOString(), newKeys());
    const bytes = await encodeState(state);
    await withLock(target, async () => {
      if ((await readFileIfExists(target)) !== null) throw new TeamVaultError("already_exists", `A file already exists at ${target}; a new team vault will not replace it.`);
      await writeFileAtomic(target, bytes).catch((error: unknown) => {
        throw ioError(error, "save the team vault");
      });
    }, options).catch((error: unknown) => {
      wipeKeys(state.keys);
      throw error;
    });
    const vault = new TeamVault(target, identity, state, bytes, options);
    await vault.#announce();
    return vault;
  }

  /**
   * Opens the file with `identity`, merges conflict copies found beside it (and saves the result),
   * and refuses a file older than `options.seen`.
   */
  static async open(path: string, identity: MemberIdentity, options: TeamVaultOptions = {}): Promise<TeamVault> {
    const target = resolve(path);
    const bytes = await readFileIfExists(target);
    if (bytes === null) throw new TeamVaultError("not_found", `There is no team vault file at ${target}.`);
    const seen = typeof options.seen === "function" ? options.seen(peekVaultId(bytes) ?? "") : (options.seen ?? null);
    const state = await decodeState(bytes, identity, { verifiedHead: seen?.head ?? null });
    const { copies, unreadable } = await readConflictCopies(target, state.vaultId, identity, seen?.head ?? null);
    try {
      checkNotRolledBack(seen, state.vaultId, [state.history, ...copies.map((copy) => copy.state.history)], state.history.revision);
    } catch (error) {
      wipeKeys(state.keys);
      throw error;
    } finally {
      for (const copy of copies) wipeKeys(copy.state.keys); // read again under the lock by the merge below
    }
    const vault = new TeamVault(target, identity, state, bytes, options);
    if (copies.length > 0) await vault.#commit(() => undefined);
    else if (unreadable.length > 0) vault.#lastMerge = emptyReport(unreadable);
    await vault.#announce();
    return vault;
  }

  get vaultId(): string {
    return this.#open().vaultId;
  }

  get name(): string {
    return this.#open().name;
  }

  get revision(): number {
    return this.#open().history.revision;
  }

  /** What the app persists for rollback detection (also given to `onSeen`). */
  get seen(): TeamVaultSeen {
    const state = this.#open();
    return seenOf(state.vaultId, state.history);
  }

  /** What the last open or save merged from other copies (null when nothing); the UI shows conflicts and refusals. */
  get lastMerge(): MergeReport | null {
    return this.#lastMerge;
  }

  get you(): MemberCard {
    return cardOf(this.#identity);
  }

  get isOpen(): boolean {
    return this.#state !== null;
  }

  members(): TeamMember[] {
    return membersView(this.#open().history, this.#identity.id);
  }

  formerMembers(): FormerMember[] {
    return formerMembersView(this.#open().history);
  }

  /** Live entries (no secrets), conflict copies flagged with `conflictOf`. */
  list(): TeamEntryInfo[] {
    const state = this.#open();
    const names = memberNames(state.history);
    return [...state.records.values()].filter((r) => !r.deleted).map((r) => entryView(r, names));
  }

  info(id: string): TeamEntryInfo {
    const state = this.#open();
    return entryView(liveRecord(state, id), memberNames(state.history));
  }

  get(id: string): string {
    return readFull(this.#open(), id).secret;
  }

  history(id: string): PreviousSecret[] {
    return readFull(this.#open(), id).history;
  }

  /** Every live entry with its secrets (for export). */
  entries(): Array<FullEntry & { conflictOf?: string }> {
    const state = this.#open();
    return [...state.records.values()].filter((r) => !r.deleted).map((r) => readFull(state, r.id));
  }

  /** The change log, newest first: who did what, each change signed. */
  changes(): TeamChange[] {
    return changesView(this.#open().history);
  }

  /** Every entry (and the workspace key it held) `memberId` could read while a member, deleted ones included. */
  exposure(memberId: string): ExposedKey[] {
    const state = this.#open();
    return exposureOf(state.ledger, memberId, state.records);
  }

  async add(input: NewEntry): Promise<TeamEntryInfo> {
    const [info] = await this.addMany([input]);
    return info!;
  }

  async addMany(inputs: readonly NewEntry[]): Promise<TeamEntryInfo[]> {
    const checked = inputs.map(checkNewEntry);
    const ids = await this.#commit((draft) => checked.map((input) => draft.addEntry(input).id));
    return ids.map((id) => this.info(id));
  }

  async update(id: string, patch: EntryPatch): Promise<TeamEntryInfo> {
    const checked = checkPatch(patch);
    await this.#commit((draft) => draft.patchEntry(id, checked));
    return this.info(id);
  }

  /** A new secret (and, for a rotation, the new key's meta) in one signed change; the old secret becomes the newest history item. */
  async updateSecret(id: string, secret: string, meta?: Record<string, string> | null): Promise<TeamEntryInfo> {
    checkSecret(secret);
    const checkedMeta = meta === undefined ? undefined : checkPatch({ meta }).meta;
    await this.#commit((draft) => draft.replaceSecret(id, secret, this.#historyLimit, checkedMeta));
    return this.info(id);
  }

  /** Drops the previous secrets; `meta`, when given, replaces the entry's in the same signed change (a finished rotation). */
  async clearHistory(id: string, meta?: Record<string, string> | null): Promise<TeamEntryInfo> {
    const checkedMeta = meta === undefined ? undefined : checkPatch({ meta }).meta;
    await this.#commit((draft) => draft.clearHistory(id, checkedMeta));
    return this.info(id);
  }

  /** Puts the newest previous secret back and forgets the current one, with `meta` if given, in one signed change (a cancelled rotation). */
  async restorePreviousSecret(id: string, meta?: Record<string, string> | null): Promise<TeamEntryInfo> {
    const checkedMeta = meta === undefined ? undefined : checkPatch({ meta }).meta;
    await this.#commit((draft) => draft.restorePreviousSecret(id, checkedMeta));
    return this.info(id);
  }

  async remove(id: string): Promise<void> {
    await this.removeMany([id]);
  }

  /** Deletes several entries in one save (e.g. the stale-entry clean-up). */
  async removeMany(ids: readonly string[]): Promise<void> {
    await this.#commit((draft) => ids.forEach((id) => draft.deleteEntry(id)));
  }

  /** Adds a member from their pasted card (compare its fingerprint with them first). */
  async addMember(card: string | MemberCard): Promise<TeamMember> {
    const parsed = typeof card === "string" ? parseMemberCard(card) : parseMemberCard(`keyward-member:1:${encodeURIComponent(card.name)}:${card.recipient}:${card.signingKey}`);
    await this.#commit((draft) => draft.addMember(parsed));
    return this.members().find((m) => m.id === parsed.id)!;
  }

  /**
   * Removes a member: new data key, every entry re-sealed, the key wrapped to the others only.
   * Returns what they could read while a member, to rotate.
   */
  async removeMember(memberId: string): Promise<{ member: FormerMember; exposure: ExposedKey[] }> {
    await this.#commit((draft) => draft.removeMember(memberId));
    return { member: this.formerMembers().find((m) => m.id === memberId)!, exposure: this.exposure(memberId) };
  }

  /** A new data key without a membership change (e.g. after a laptop was lost and found). */
  async rekey(): Promise<void> {
    await this.#commit((draft) => draft.rekey("manual"));
  }

  /** Adds or merges exported entries, keeping every field (see Draft.importEntries). */
  async importEntries(entries: readonly FullEntry[]): Promise<{ added: number; updated: number; unchanged: number }> {
    const checked = entries.map(checkImportedEntry);
    return this.#commit((draft) => draft.importEntries(checked, this.#historyLimit));
  }

  /** Brings in what others saved (the file and conflict copies), saving a merge if one was needed. */
  async sync(): Promise<MergeReport | null> {
    await this.#commit(() => undefined);
    return this.#lastMerge;
  }

  /** Zeroes the keys; the handle cannot be used afterwards. */
  close(): void {
    if (this.#state) wipeKeys(this.#state.keys);
    this.#state = null;
    wipe(this.#bytes);
  }

  // ---- internals ----

  get #historyLimit(): number {
    return this.#options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  }

  #open(): TeamState {
    if (!this.#state) throw new TeamVaultError("invalid_input", "This team vault was closed. Open it again.");
    return this.#state;
  }

  async #announce(): Promise<void> {
    const seen = this.seen;
    try {
      await this.#options.onSeen?.(seen);
    } catch (error) {
      console.warn("[team-vault] could not record the team vault revision this device saw:", error instanceof Error ? error.message : String(error));
    }
  }

  /** One save: lock, re-read and merge, apply `change` on a draft, write atomically, then adopt it. */
  async #commit<T>(change: (draft: Draft) => T): Promise<T> {
    this.#open();
    const run = () => withLock(this.path, () => this.#save(change), this.#options);
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #save<T>(change: (draft: Draft) => T): Promise<T> {
    const current = this.#open();
    const at = (this.#options.now?.() ?? new Date()).toISOString();
    const incoming: Incoming[] = [];
    const disk = await readFileIfExists(this.path);
    let draft: Draft | null = null;
    try {
      if (disk && !disk.equals(this.#bytes)) {
        const state = await decodeState(disk, this.#identity, { verifiedHead: current.history.head }).catch((error: unknown) => {
          throw isTeamVaultError(error, "not_a_member") ? removedError(current.name) : error;
        });
        incoming.push({ path: this.path, kind: "file", state });
      }
      const { copies, unreadable } = await readConflictCopies(this.path, current.vaultId, this.#identity, current.history.head);
      incoming.push(...copies);
      const { state: base, report } = absorb(current, incoming, this.#identity, at);
      draft = new Draft(base, this.#identity, at);
      const result = change(draft);
      // The file on disk already holds this exact history (nothing changed, or it was simply newer): adopt it, write nothing.
      const diskHead = disk === null ? null : disk.equals(this.#bytes) ? current.history.head : incoming[0]!.state.history.head;
      const unchanged = draft.state.history.head === diskHead;
      const next = unchanged ? base : draft.finish();
      const bytes = unchanged ? disk! : await encodeState(next);
      if (!unchanged) {
        await writeFileAtomic(this.path, bytes).catch((error: unknown) => {
          throw ioError(error, "save the team vault");
        });
        await removeStaleTempFiles(this.path);
      }
      for (const copy of copies) if (next.history.has(copy.state.history.head)) await removeMergedCopy(copy.path);
      if (current.keys !== next.keys) wipeKeys(current.keys);
      this.#state = next;
      this.#bytes = bytes;
      this.#lastMerge = report ? { ...report, unreadable } : unreadable.length > 0 ? emptyReport(unreadable) : null;
      if (next !== current) await this.#announce();
      return result;
    } catch (error) {
      const keep = this.#state?.keys;
      if (draft && draft.state.keys !== keep) wipeKeys(draft.state.keys);
      for (const other of incoming) if (other.state.keys !== keep) wipeKeys(other.state.keys);
      throw error;
    }
  }
}
