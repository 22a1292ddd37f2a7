/*
 * The vault handle: open/create, unlock (passphrase or OS keychain), lock, entries, backups.
 * Protects against: a stolen vault file (Argon2id-wrapped data key, AES-256-GCM entries, HMAC over
 * the file), a walk-up attacker after idle time (auto-lock zeroes the key Buffers), and losing data
 * to a crash or a full disk (saves are atomic, the previous version is kept as `<file>.bak`).
 * Does not protect against: malware running as the user while the vault is unlocked, secrets
 * already handed out as strings (not wipeable), or two processes writing the same vault at once.
 */
import { resolve } from "node:path";
import { createLog } from "../log";
import { readBackup, writeBackup } from "./backup";
import { wipe } from "./crypto";
import { addEntries, dropHistory, importEntries, patchEntry, removeEntry, replaceSecret } from "./changes";
import { checkFullEntry, checkNewEntry, checkPassphrase, checkPatch, checkSecret, copyInfo, DEFAULT_HISTORY_LIMIT, type EntryInfo, type EntryPatch, type FullEntry, type NewEntry, type PreviousSecret } from "./entries";
import { isVaultError, VaultError } from "./errors";
import { IdleTimer, LockListeners, type LockListener, type LockReason } from "./idle";
import { buildImage, closeSession, entryInfo, newHeader, newImage, openSession, ownKey, readEntry, unwrapWithPassphrase } from "./image";
import type { EntryStore, ImageParts, Session, VaultImage } from "./image";
import { assertKdfCost, calibrateKdf, deriveKey, newKdfParams, type KdfCost } from "./kdf";
import { KEYCHAIN_KEY_REJECTED, keychainUnwrap, keychainWrap, type KeychainAdapter } from "./keychain";
import type { ImportReport } from "./merge";
import { checkOptions, DEFAULT_IDLE_LOCK_MS, type CreateOptions, type OpenOptions, type UnlockTiming, type VaultOptions } from "./options";
import { backupPathOf, loadImage, prepareNewVaultPath, saveVaultBytes, type FsHooks, type RecoveryNotice } from "./persist";
import { rekeyImage } from "./rekey";

const log = createLog("vault");
let peekKey: (vault: Vault) => Buffer | null;

export class Vault {
  readonly path: string;
  #image: VaultImage;
  #session: Session | null = null;
  #epoch = 0;
  #queue: Promise<unknown> = Promise.resolve();
  #recovery: RecoveryNotice | null;
  #preserveDamaged: boolean;
  readonly #idle: IdleTimer;
  readonly #listeners = new LockListeners();
  readonly #now: () => Date;
  readonly #hooks: FsHooks | undefined;
  readonly #historyLimit: number;

  static {
    peekKey = (vault) => vault.#session?.dataKey ?? null;
  }

  private constructor(path: string, image: VaultImage, options: VaultOptions, recovery: RecoveryNotice | null) {
    this.path = path;
    this.#image = image;
    this.#recovery = recovery;
    this.#preserveDamaged = recovery !== null && recovery.reason.code !== "not_found";
    this.#now = options.now ?? (() => new Date());
    this.#hooks = options.fsHooks;
    this.#historyLimit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    this.#idle = new IdleTimer(options.idleLockMs === undefined ? DEFAULT_IDLE_LOCK_MS : options.idleLockMs, () => this.lock("idle"), options.timers);
  }

  /** Creates a new vault file (refusing to replace one) and returns it unlocked. */
  static async create(path: string, passphrase: string, options: CreateOptions = {}): Promise<Vault> {
    checkOptions(options);
    checkPassphrase(passphrase);
    if (options.kdf) assertKdfCost(options.kdf);
    const target = resolve(path);
    await prepareNewVaultPath(target);
    const kdf = newKdfParams(options.kdf ?? (await calibrateKdf(options.calibration)));
    const { image, session } = await newImage(passphrase, kdf, (options.now?.() ?? new Date()).toISOString());
    try {
      await prepareNewVaultPath(target); // again: calibration and the KDF took a second, and the final rename would replace
      await saveVaultBytes(target, image.bytes, { previous: null, hooks: options.fsHooks });
    } catch (error) {
      closeSession(session);
      throw error;
    }
    const vault = new Vault(target, image, options, null);
    vault.#session = session;
    vault.#idle.restart();
    return vault;
  }

  /** Reads and checks the file (no key needed) and returns a locked handle. */
  static async open(path: string, options: OpenOptions = {}): Promise<Vault> {
    checkOptions(options);
    const target = resolve(path);
    const { image, recovery } = await loadImage(target, options.fallbackToBackup ?? false);
    return new Vault(target, image, options, recovery);
  }

  get isUnlocked(): boolean {
    return this.#session !== null;
  }

  get keychainUnlockEnabled(): boolean {
    return this.#image.keychainWrap !== null;
  }

  /** The Argon2id cost recorded in the file. */
  get kdfCost(): KdfCost {
    const { memoryKiB, iterations, parallelism } = this.#image.kdf;
    return { memoryKiB, iterations, parallelism };
  }

  get recovery(): RecoveryNotice | null {
    return this.#recovery;
  }

  get idleLockMs(): number | null {
    return this.#idle.ms;
  }

  async unlockWithPassphrase(passphrase: string): Promise<UnlockTiming> {
    checkPassphrase(passphrase);
    const started = performance.now();
    const { image, epoch } = await this.#snapshot();
    const { dataKey, kdfMs } = await unwrapWithPassphrase(image, passphrase);
    this.#finishUnlock(image, epoch, dataKey);
    return { kdfMs, totalMs: performance.now() - started };
  }

  async unlockWithKeychain(adapter: KeychainAdapter): Promise<void> {
    const { image, epoch } = await this.#snapshot();
    if (image.keychainWrap === null) throw new VaultError("keychain_not_enabled", "Keychain unlock is not turned on for this vault. Unlock it with the passphrase.");
    const plain = keychainUnwrap(adapter, Buffer.from(image.keychainWrap, "base64"));
    if (plain.length !== 32) {
      plain.fill(0);
      throw new VaultError("keychain_unavailable", KEYCHAIN_KEY_REJECTED);
    }
    try {
      this.#finishUnlock(image, epoch, ownKey(plain));
    } catch (error) {
      if (isVaultError(error, "corrupt")) throw new VaultError("keychain_unavailable", KEYCHAIN_KEY_REJECTED, { cause: error });
      throw error;
    }
  }

  /** Locks now: the key Buffers are zeroed, the metadata dropped, and lock listeners told. */
  lock(reason: LockReason = "manual"): void {
    this.#epoch += 1;
    this.#idle.stop();
    if (!this.#session) return;
    closeSession(this.#session);
    this.#session = null;
    this.#listeners.emit(reason);
  }

  /**
   * Activity: restarts the idle countdown. Reading a secret and every change count as activity
   * too; `list()`, `info()` and the getters do not, so a status poll never keeps the vault open.
   */
  touch(): void {
    if (this.#session) this.#idle.restart();
  }

  setIdleLock(ms: number | null): void {
    this.#idle.set(ms, this.#session !== null);
  }

  /** Returns the function that removes the listener. */
  onLock(listener: LockListener): () => void {
    return this.#listeners.add(listener);
  }

  /** How many entries the unlocked vault holds, without copying them (status polls ask this). */
  get entryCount(): number {
    return this.#unlocked().index.size;
  }

  list(): EntryInfo[] {
    return [...this.#unlocked(false).index.values()].map(copyInfo);
  }

  info(id: string): EntryInfo {
    return copyInfo(entryInfo(this.#unlocked(false), id));
  }

  /** The entry's current secret. */
  get(id: string): string {
    const session = this.#unlocked();
    return readEntry(session.dataKey, this.#store(session), id).secret;
  }

  /** The secrets the entry had before, newest first. */
  history(id: string): PreviousSecret[] {
    const session = this.#unlocked();
    return readEntry(session.dataKey, this.#store(session), id).history;
  }

  async add(input: NewEntry): Promise<EntryInfo> {
    const [info] = await this.addMany([input]);
    return info!;
  }

  /** Adds several entries in one save. */
  async addMany(inputs: readonly NewEntry[]): Promise<EntryInfo[]> {
    const checked = inputs.map(checkNewEntry);
    return this.#mutate((draft, session) => addEntries(draft, session.dataKey, checked, this.#now().toISOString()));
  }

  /** Changes label, kind or meta; the secret is left alone. */
  async update(id: string, patch: EntryPatch): Promise<EntryInfo> {
    const checked = checkPatch(patch);
    return this.#mutate((draft) => patchEntry(draft, id, checked, this.#now().toISOString()));
  }

  /** Gives the entry a new secret; the old one is kept as the newest history item (rotation). */
  async updateSecret(id: string, newSecret: string): Promise<EntryInfo> {
    checkSecret(newSecret);
    return this.#mutate((draft, session) => replaceSecret(draft, session.dataKey, id, newSecret, this.#now().toISOString(), this.#historyLimit));
  }

  async clearHistory(id: string): Promise<EntryInfo> {
    return this.#mutate((draft, session) => dropHistory(draft, session.dataKey, id, this.#now().toISOString()));
  }

  async remove(id: string): Promise<void> {
    await this.#mutate((draft) => removeEntry(draft, id));
  }

  async enableKeychainUnlock(adapter: KeychainAdapter): Promise<void> {
    await this.#mutate((draft, session) => {
      draft.keychainWrap = keychainWrap(adapter, session.dataKey).toString("base64");
    });
  }

  /**
   * Turns keychain unlock off for good: the passphrase (asked again, so a walk-up user cannot do
   * it) wraps a new data key, every entry is re-encrypted, and the backup is overwritten, so the
   * old keychain wrap opens no file of this vault any more.
   */
  async disableKeychainUnlock(passphrase: string): Promise<void> {
    checkPassphrase(passphrase);
    await this.#rekey(passphrase, passphrase, {});
  }

  /**
   * Changes the passphrase, with a new salt and `options.kdf` as the new cost (default: the
   * current one). The data key changes too: every entry is re-encrypted, keychain unlock is turned
   * off (turn it on again to use it), and the backup is overwritten, so neither the old passphrase
   * nor an old keychain wrap opens what the vault holds now.
   */
  async changePassphrase(oldPassphrase: string, newPassphrase: string, options: { kdf?: KdfCost } = {}): Promise<void> {
    checkPassphrase(oldPassphrase, "current passphrase");
    checkPassphrase(newPassphrase, "new passphrase");
    if (options.kdf) assertKdfCost(options.kdf);
    await this.#rekey(oldPassphrase, newPassphrase, options);
  }

  async #rekey(currentPassphrase: string, newPassphrase: string, options: { kdf?: KdfCost }): Promise<void> {
    this.#unlocked();
    const { image } = await this.#snapshot();
    const check = await unwrapWithPassphrase(image, currentPassphrase); // a wrong passphrase stops here
    wipe(check.dataKey);
    const kdf = newKdfParams(options.kdf ?? this.kdfCost);
    const kek = await deriveKey(newPassphrase, kdf);
    try {
      await this.#replaceWhole((current, session) => {
        if (current.headerBytes !== image.headerBytes) throw new VaultError("invalid_input", "The passphrase was changed meanwhile. Try again.");
        const { headerBytes } = newHeader(kdf, image.header.vaultId, image.header.createdAt);
        return rekeyImage(current, session, kek, headerBytes);
      });
    } finally {
      kek.fill(0);
    }
  }

  /**
   * Writes every entry to a separate vault file (same format) under `backupPassphrase`, with its
   * own data key and no keychain unlock. Default cost: this vault's.
   */
  async exportBackup(path: string, backupPassphrase: string, options: { kdf?: KdfCost } = {}): Promise<void> {
    checkPassphrase(backupPassphrase, "backup passphrase");
    const target = resolve(path);
    if (target === this.path || target === backupPathOf(this.path)) throw new VaultError("invalid_input", "A backup cannot be written over the vault or its automatic backup.");
    if (options.kdf) assertKdfCost(options.kdf);
    const session = this.#unlocked();
    const entries = [...session.index.keys()].map((id) => readEntry(session.dataKey, this.#store(session), id));
    await writeBackup(target, backupPassphrase, options.kdf ?? this.kdfCost, entries, this.#now().toISOString());
  }

  /** Merges a backup's entries into this vault (see merge.ts) in one save, and counts what changed. */
  async importBackup(path: string, backupPassphrase: string): Promise<ImportReport> {
    checkPassphrase(backupPassphrase, "backup passphrase");
    this.#unlocked();
    const incoming = await readBackup(resolve(path), backupPassphrase);
    return this.#mutate((draft, session) => importEntries(draft, session.dataKey, incoming, this.#now().toISOString(), this.#historyLimit));
  }

  /**
   * Merges entries with every field (an export's) into this vault in one save, as `importBackup`
   * does: a new entry keeps its id, times and history; one present on both sides keeps the newer
   * version and the other's secret as history. Nothing is written if one entry is malformed.
   */
  async importEntries(entries: readonly FullEntry[]): Promise<ImportReport> {
    this.#unlocked();
    const checked = entries.map(checkFullEntry);
    return this.#mutate((draft, session) => importEntries(draft, session.dataKey, checked, this.#now().toISOString(), this.#historyLimit));
  }

  // ---- internals ----

  #unlocked(activity = true): Session {
    if (!this.#session) throw new VaultError("locked", "The vault is locked. Unlock it first.");
    if (activity) this.#idle.restart();
    return this.#session;
  }

  #store(session: Session): EntryStore {
    return { index: session.index, entries: this.#image.entries };
  }

  /** The lock epoch as of the call (so a lock() right after it counts), and the image once pending saves are done. */
  async #snapshot(): Promise<{ image: VaultImage; epoch: number }> {
    const epoch = this.#epoch;
    await this.#queue;
    return { image: this.#image, epoch };
  }

  #finishUnlock(image: VaultImage, epoch: number, dataKey: Buffer): void {
    if (this.#session) {
      wipe(dataKey); // unlocked meanwhile (e.g. by the keychain): keep that session
      return;
    }
    if (this.#image !== image || this.#epoch !== epoch) {
      wipe(dataKey);
      throw new VaultError("locked", "The vault was locked or changed while it was being unlocked. Try again.");
    }
    this.#session = openSession(image, dataKey);
    this.#idle.restart();
  }

  /**
   * Replaces the whole image and session (a rekey), saving the new file as the backup too: the
   * previous bytes, under the previous keys, must not survive in `<file>.bak`.
   */
  async #replaceWhole(change: (image: VaultImage, session: Session) => { image: VaultImage; session: Session }): Promise<void> {
    this.#unlocked();
    const run = async (): Promise<void> => {
      const session = this.#unlocked();
      const next = change(this.#image, session);
      try {
        const durable = await saveVaultBytes(this.path, next.image.bytes, { previous: next.image.bytes, preserveDamaged: this.#preserveDamaged, hooks: this.#hooks, now: this.#now });
        if (!durable) log.warn(`saved ${this.path}, but its folder could not be flushed to disk`);
      } catch (error) {
        closeSession(next.session);
        throw error;
      }
      this.#image = next.image;
      this.#preserveDamaged = false;
      if (this.#session === session) {
        closeSession(session);
        this.#session = next.session;
      } else {
        closeSession(next.session); // locked meanwhile: the new keys are not kept either
      }
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Runs one change on a copy of the state, saves it, and only then makes it the vault's state. */
  async #mutate<T>(change: (draft: ImageParts, session: Session) => T): Promise<T> {
    this.#unlocked();
    const run = async (): Promise<T> => {
      const session = this.#unlocked();
      const image = this.#image;
      const draft: ImageParts = {
        headerBytes: image.headerBytes,
        passphraseWrap: image.passphraseWrap,
        keychainWrap: image.keychainWrap,
        index: new Map(session.index),
        entries: new Map(image.entries),
      };
      const result = change(draft, session);
      const next = buildImage(draft, session);
      const durable = await saveVaultBytes(this.path, next.bytes, { previous: image.bytes, preserveDamaged: this.#preserveDamaged, hooks: this.#hooks, now: this.#now });
      if (!durable) log.warn(`saved ${this.path}, but its folder could not be flushed to disk`);
      this.#image = next;
      this.#preserveDamaged = false;
      if (this.#session === session) session.index = draft.index;
      return result;
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

/** Test-only: the live data key Buffer (null when locked), to check that lock zeroes it. Not exported by index.ts. */
export function dataKeyForTests(vault: Vault): Buffer | null {
  return peekKey(vault);
}
