/*
 * The desktop app's team vault: the user's identity (in the personal vault), one open team vault
 * at a time, its members and shared entries linked to the connected workspace's keys, sync, what a
 * removed member could read, `.env` import, encrypted export and import, and rotations made on
 * this device carried into the team vault (./team-rotations).
 * Protects against: a team vault's secrets reaching the renderer (views carry labels, metadata and
 * link status; a copy goes to the clipboard guard by entry id), a team vault staying open after
 * the personal vault holding the identity locks (told by the app core, it is closed, its keys
 * zeroed, and reopened on unlock), and an older copy of a file being taken as current (what this
 * device saw of each vault is kept in team.json and checked on every open). Does not protect
 * against: malware on this computer while the vaults are open, or a teammate copying what they can
 * read (hence exposure).
 */
import path from "node:path";
import type { AddEntryInput, CardPreview, ExposureReport, ImportTarget, TeamChangeView, TeamOutcome, TeamState, MergeReportView } from "../../../shared/ipc/contract";
import type { CopyResult, EnvImportView, ImportResult } from "../../../shared/ipc/contract";
import type { z } from "zod";
import type { ExportInput, ImportInput } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import { createLog } from "../../log";
import type { VersionedFile } from "../../persist/versioned-file";
import { isTeamVaultError, parseMemberCard, fingerprint, SeenStates, TeamVault, type MemberIdentity, type TeamVaultOptions } from "../../team-vault";
import type { CoreServices } from "../core-services";
import type { RotationEvent } from "../rotation/rotation-service";
import { EnvImportSession } from "./env-import-session";
import { IdentityStore } from "./identity-store";
import { personalMeta } from "./personal-vault-access";
import { fileSlug, openTeamFile, withRecent, type RotationRecord, type TeamContent } from "./team-file";
import { teamCall, toIpcError } from "./team-errors";
import { newEntryFor } from "./team-entries";
import { TeamRotations, type SecretSource } from "./team-rotations";
import { changeView, exposureRows, mergeView, readKeys, vaultView } from "./team-views";
import { exportVault, importVault, type TransferDeps } from "./vault-transfer";

const log = createLog("team");
export const TEAM_FILE_EXTENSION = "kwteam";

export class TeamService {
  readonly #core: CoreServices;
  readonly #file: VersionedFile<TeamContent>;
  readonly #seen: SeenStates;
  readonly #identity: IdentityStore;
  readonly #env: EnvImportSession;
  readonly #rotations: TeamRotations;
  readonly #unsubscribe: () => void;
  /** Rotation work and reopening on unlock, one after the other; a state waits for it. */
  #queue: Promise<unknown> = Promise.resolve();
  #vault: TeamVault | null = null;
  #lastMerge: MergeReportView | null = null;
  #notice: string | null = null;
  /** The vault closed because the personal vault locked: opened again once it is unlocked. */
  #reopen: string | null = null;

  constructor(core: CoreServices) {
    this.#core = core;
    this.#file = openTeamFile(core.platform.dataDir);
    this.#seen = new SeenStates(this.#file.get().seen);
    this.#identity = new IdentityStore(core.vault);
    this.#env = new EnvImportSession({
      chooseFile: () =>
        core.platform.chooseOpenFile({
          title: "Import keys from a .env file",
          filters: [
            { name: "Environment files", extensions: ["env"] },
            { name: "All files", extensions: ["*"] },
          ],
        }),
      workspace: () => {
        const { client, workspaceId } = core.workspaces.client();
        return { workspaceId, lookup: (sha256) => client.lookupKeys(sha256) };
      },
      existing: async (target) => (target === "team" ? this.#requireVault().list() : core.vault.entries()),
    });
    this.#rotations = new TeamRotations(core, this.#file);
    this.#unsubscribe = core.rotations.onRotationEvent((event) => this.#serial(() => this.#rotated(event)));
  }

  // ---- the personal vault, told by the app core ----

  /** The personal vault locked: the identity is dropped, and an open team vault closed until it is unlocked. */
  vaultLocked(): void {
    this.#identity.forget();
    if (!this.#vault) return;
    this.#reopen = this.#vault.path;
    this.#closeVault();
    this.#env.discard();
    this.#notice = "The team vault was closed when your personal vault locked. Unlock it to open the team vault again.";
  }

  /** The personal vault unlocked: the team vault its lock closed opens again. */
  vaultUnlocked(): void {
    if (this.#reopen) void this.#serial(() => this.#reopenClosed());
  }

  // ---- state ----

  async state(): Promise<TeamState> {
    await this.#closeIfLocked();
    await this.#serial(() => this.#reopenClosed());
    const identity = await this.#identity.state();
    return {
      identity,
      vault: this.#vault ? vaultView(this.#vault, await readKeys(this.#core), this.#lastMerge) : null,
      recent: this.#file.get().recent.map(({ path: file, name, openedAt }) => ({ path: file, name, openedAt })),
      notice: this.#notice,
    };
  }

  async createIdentity(name: string): Promise<TeamState> {
    await this.#identity.create(name);
    return this.state();
  }

  // ---- opening ----

  async create(name: string): Promise<TeamOutcome> {
    const identity = await this.#identity.require();
    const folder = await this.#core.platform.chooseFolder({ title: "Choose the synced folder for the team vault" });
    if (!folder) return { cancelled: true, state: await this.state() };
    const file = path.join(folder, `${fileSlug(name)}.${TEAM_FILE_EXTENSION}`);
    const vault = await teamCall(() => TeamVault.create(file, identity, { ...this.#options(), name }));
    await this.#adopt(vault, null);
    return { cancelled: false, state: await this.state() };
  }

  async open(file: string | undefined): Promise<TeamOutcome> {
    const identity = await this.#identity.require();
    if (file !== undefined && !this.#file.get().recent.some((recent) => recent.path === file)) {
      throw new IpcError("not_found", "That team vault is not in the recent list. Use Open… to choose its file.");
    }
    const target = file ?? (await this.#core.platform.chooseOpenFile({ title: "Open a team vault", filters: [{ name: "Team vault", extensions: [TEAM_FILE_EXTENSION] }] }));
    if (!target) return { cancelled: true, state: await this.state() };
    await this.#openAt(target, identity);
    return { cancelled: false, state: await this.state() };
  }

  async close(): Promise<TeamState> {
    this.#closeVault();
    this.#notice = null;
    this.#reopen = null;
    return this.state();
  }

  async forget(file: string): Promise<TeamState> {
    await this.#file.update((content) => ({ ...content, recent: content.recent.filter((recent) => recent.path !== file) }));
    return this.state();
  }

  /** Brings in what others saved; a removed member's handle is closed with a message that says so. */
  async sync(): Promise<TeamState> {
    await this.#change((vault) => vault.sync());
    return this.state();
  }

  // ---- entries ----

  async addEntry(input: AddEntryInput): Promise<TeamState> {
    const entry = await newEntryFor(input, { vault: this.#core.vault, workspaces: this.#core.workspaces });
    await this.#change((vault) => vault.add(entry));
    return this.state();
  }

  async removeEntries(ids: readonly string[]): Promise<TeamState> {
    await this.#change((vault) => vault.removeMany(ids));
    return this.state();
  }

  async copySecret(entryId: string): Promise<CopyResult> {
    const vault = await this.#requireOpen();
    const info = await teamCall(() => vault.info(entryId));
    const secret = await teamCall(() => vault.get(entryId));
    const copied = await this.#core.clipboard.copy(secret, this.#core.preferences.values().clipboardClearSeconds);
    const keyId = info.meta?.keyId ?? null;
    void this.#core.activity.record("secret.copied", { entryId, keyId, label: info.label, clearAfterSeconds: copied.seconds }, keyId ?? undefined);
    return copied;
  }

  async copyCard(): Promise<CopyResult> {
    const identity = await this.#identity.state();
    if (!identity.identity) throw new IpcError("not_found", "You have no team identity yet.");
    return this.#core.clipboard.copy(identity.identity.card, this.#core.preferences.values().clipboardClearSeconds);
  }

  // ---- members ----

  async readCard(card: string): Promise<CardPreview> {
    const parsed = await teamCall(() => parseMemberCard(card));
    const identity = await this.#identity.current();
    return {
      memberId: parsed.id,
      name: parsed.name,
      fingerprint: fingerprint(parsed),
      alreadyMember: this.#vault?.members().some((member) => member.id === parsed.id) ?? false,
      isYou: identity?.id === parsed.id,
    };
  }

  async addMember(card: string): Promise<TeamState> {
    await this.#change((vault) => vault.addMember(card));
    return this.state();
  }

  async removeMember(memberId: string): Promise<{ state: TeamState; exposure: ExposureReport }> {
    const vault = await this.#requireOpen();
    if (memberId === vault.you.id) throw new IpcError("invalid_input", "You cannot remove yourself here. Ask another member to remove you.");
    const { member, exposure } = await this.#change((open) => open.removeMember(memberId));
    const keys = await readKeys(this.#core);
    const rows = exposureRows(exposure, keys);
    const keysExposed = new Set(rows.map((row) => row.keyId).filter(Boolean)).size;
    void this.#core.activity.record("team_vault.member_removed", { vault: vault.name, member: member.name, keysExposed });
    return { state: await this.state(), exposure: { member, rows, workspaceError: keys.error } };
  }

  async exposure(memberId: string): Promise<ExposureReport> {
    const vault = await this.#requireOpen();
    const member = vault.formerMembers().find((former) => former.id === memberId);
    if (!member) throw new IpcError("not_found", "That person is not a former member of this team vault.");
    const keys = await readKeys(this.#core);
    return { member, rows: exposureRows(vault.exposure(memberId), keys), workspaceError: keys.error };
  }

  async history(): Promise<TeamChangeView[]> {
    return (await this.#requireOpen()).changes().map(changeView);
  }

  // ---- .env import ----

  envChooseFile(target: ImportTarget): Promise<EnvImportView> {
    return teamCall(() => this.#env.chooseFile(target));
  }

  envSetTarget(target: ImportTarget): Promise<EnvImportView> {
    return teamCall(() => this.#env.preview(target));
  }

  async envWrite(refs: readonly string[]): Promise<{ added: number; target: ImportTarget; state: TeamState }> {
    const { target, entries } = this.#env.entriesFor(refs);
    if (target === "team") await this.#change((vault) => vault.addMany(entries));
    else for (const entry of entries) await this.#core.vault.add({ ...entry, meta: personalMeta(entry.kind, entry.meta) ?? {} });
    this.#env.discard();
    return { added: entries.length, target, state: await this.state() };
  }

  envDiscard(): null {
    this.#env.discard();
    return null;
  }

  // ---- export and import ----

  exportVault(input: z.output<typeof ExportInput>): Promise<{ path: string | null; entries: number }> {
    return exportVault(this.#transfer(), input);
  }

  async importVault(input: z.output<typeof ImportInput>): Promise<ImportResult> {
    const outcome = input.target === "team" ? await this.#change(() => importVault(this.#transfer(), input)) : await importVault(this.#transfer(), input);
    return { ...outcome, state: await this.state() };
  }

  async dispose(): Promise<void> {
    this.#unsubscribe();
    await this.#queue;
    this.#env.discard();
    this.#closeVault();
  }

  // ---- internals ----

  #transfer(): TransferDeps {
    const core = this.#core;
    return { platform: core.platform, vault: core.vault, activity: core.activity, now: core.now, identity: () => this.#identity.require(), team: () => this.#vault };
  }

  #options(): TeamVaultOptions {
    return {
      now: this.#core.now,
      seen: (vaultId) => this.#seen.get(vaultId),
      onSeen: async (seen) => {
        this.#seen.set(seen);
        await this.#file.update((content) => ({ ...content, seen: this.#seen.toJSON() }));
      },
    };
  }

  /** Opens `file` in place of the open vault; a file that does not open leaves the open one as it was. */
  async #openAt(file: string, identity: MemberIdentity): Promise<void> {
    const vault = await teamCall(() => TeamVault.open(file, identity, this.#options()));
    await this.#adopt(vault, vault.lastMerge ? mergeView(vault.lastMerge, this.#core.now().toISOString()) : null);
    // Rotations made here while this vault was closed: its entries get the new keys now, if their secrets are still at hand.
    await this.#applyRotations(this.#rotations.records());
  }

  /** Opens again the vault that closed when the personal vault locked, once the identity is at hand again. */
  async #reopenClosed(): Promise<void> {
    const reopen = this.#reopen;
    if (this.#vault || !reopen || !(await this.#identity.current().catch(() => null))) return;
    this.#reopen = null;
    try {
      // Opening clears the lock's notice (what the rotations carried in may leave one of their own).
      await this.#openAt(reopen, await this.#identity.require());
    } catch (error) {
      const failure = toIpcError(error);
      this.#notice = failure instanceof IpcError ? failure.message : "The team vault could not be opened again.";
    }
  }

  /** A rotation made on this device: remembered for the team vaults opened later, and applied to the open one now. */
  async #rotated(event: RotationEvent): Promise<void> {
    const record = await this.#rotations.record(event);
    await this.#closeIfLocked();
    if (!record || !this.#vault) return;
    await this.#applyRotations([record], event.type === "generated" ? () => event.newSecret() : undefined);
  }

  /**
   * Applies rotations to the open vault. A failure does not fail what the user was doing (opening,
   * rotating): the vault says why, and the next open tries again.
   */
  async #applyRotations(records: readonly RotationRecord[], secret?: SecretSource): Promise<void> {
    if (records.length === 0 || !this.#vault) return;
    try {
      await this.#change((vault) => this.#rotations.apply(vault, records, secret), { keepMerge: true });
    } catch (error) {
      if (!(error instanceof IpcError)) log.unexpected("a rotation could not be carried into the team vault", error);
      // A vault closed meanwhile (its member removed) already says why.
      if (this.#vault) {
        const why = error instanceof IpcError ? ` ${error.message}` : "";
        this.#notice = `A key rotated on this computer could not be updated in this team vault, so an entry may still hold the old key.${why} It is tried again the next time the team vault is opened.`;
      }
    }
  }

  /** Runs `task` after the rotation work and reopening already queued. */
  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    // The caller hears of a failure; the queue only waits for it.
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #adopt(vault: TeamVault, merge: MergeReportView | null): Promise<void> {
    this.#closeVault();
    this.#vault = vault;
    this.#lastMerge = merge;
    this.#notice = null;
    const recent = { path: vault.path, name: vault.name, vaultId: vault.vaultId, openedAt: this.#core.now().toISOString() };
    await this.#file.update((content) => ({ ...content, recent: withRecent(content.recent, recent) })).catch((error: unknown) => log.unexpected("recent team vaults not saved", error));
  }

  /**
   * Runs a change on the open vault and keeps what it merged from others to show. A vault this
   * member was removed from is closed, and the message says so.
   */
  async #change<T>(work: (vault: TeamVault) => Promise<T>, options: { keepMerge?: boolean } = {}): Promise<T> {
    await this.#closeIfLocked();
    const vault = this.#requireVault();
    try {
      const before = vault.lastMerge;
      const result = await work(vault);
      // What this save brought in from others (null when nothing): shown until the next save the
      // user makes. Work of its own (`keepMerge`: a rotation carried in) replaces it only with news.
      if (!options.keepMerge || (vault.lastMerge && vault.lastMerge !== before)) {
        this.#lastMerge = vault.lastMerge ? mergeView(vault.lastMerge, this.#core.now().toISOString()) : null;
      }
      return result;
    } catch (error) {
      if (isTeamVaultError(error, "not_a_member")) {
        const name = vault.name;
        this.#closeVault();
        // Said once the vault is closed, whatever the user was doing (a sync changes nothing of theirs).
        this.#notice = `You are no longer a member of the team vault "${name}": another member removed you, and it was closed on this computer. What is saved in it from now on cannot be opened with your identity.`;
      }
      throw toIpcError(error);
    }
  }

  /** The open vault, after closing it if the personal vault holding the identity has locked since. */
  async #requireOpen(): Promise<TeamVault> {
    await this.#closeIfLocked();
    return this.#requireVault();
  }

  #requireVault(): TeamVault {
    if (!this.#vault) throw new IpcError("not_found", this.#notice ?? "No team vault is open. Open or create one first.");
    return this.#vault;
  }

  #closeVault(): void {
    this.#vault?.close();
    this.#vault = null;
    this.#lastMerge = null;
  }

  /**
   * The app core says when the personal vault locks (`vaultLocked`); this check covers the moment
   * between the lock and that word reaching here.
   */
  async #closeIfLocked(): Promise<void> {
    if (!(await this.#core.vault.isUnlocked())) this.vaultLocked();
  }
}
