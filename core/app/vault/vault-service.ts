/*
 * The app's one vault: where it lives, its status for the renderer, and the translation of vault
 * errors into messages the renderer shows.
 * Protects against: secrets reaching the renderer (they leave through `secretOf` only, to the
 * clipboard guard or a workspace connection), and an old keychain wrap or passphrase outliving
 * the user's choice (turning keychain unlock off and changing the passphrase rekey the vault).
 * Does not protect against: malware running as the user while the vault is unlocked.
 */
import fs from "node:fs";
import path from "node:path";
import type { VaultStatus } from "../../../shared/ipc/contract";
import { IpcError, type IpcErrorCode } from "../../../shared/ipc/errors";
import { isVaultError, Vault, type CreateOptions, type EntryInfo, type FullEntry, type ImportReport, type KeychainAdapter, type LockReason, type NewEntry, type VaultErrorCode } from "../../vault";

export const VAULT_FILE_NAME = "vault.kwv";

export type VaultChangeReason = LockReason | "unlocked" | "created";

const ERROR_CODES: Partial<Record<VaultErrorCode, IpcErrorCode>> = {
  wrong_passphrase: "wrong_passphrase",
  corrupt: "vault_corrupt",
  truncated: "vault_corrupt",
  unsupported_version: "vault_corrupt",
  locked: "vault_locked",
  keychain_unavailable: "keychain_unavailable",
  keychain_not_enabled: "keychain_unavailable",
  not_found: "not_found",
  already_exists: "vault_exists",
  invalid_input: "invalid_input",
  io: "io",
};

/** Runs a vault call, turning its errors into IPC errors with the vault's own message. */
export async function vaultCall<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isVaultError(error)) throw new IpcError(ERROR_CODES[error.code] ?? "internal", error.message);
    throw error;
  }
}

export interface VaultServiceOptions {
  dataDir: string;
  keychain: KeychainAdapter;
  idleLockMinutes: () => number;
  onChange: (status: VaultStatus, reason: VaultChangeReason) => void;
  /** Test seam: a small KDF cost instead of the calibrated one. */
  createOptions?: CreateOptions;
}

export class VaultService {
  private vault: Vault | null = null;
  private opening: Promise<Vault | null> | null = null;
  readonly file: string;

  constructor(private readonly options: VaultServiceOptions) {
    this.file = path.join(options.dataDir, VAULT_FILE_NAME);
  }

  private async current(): Promise<Vault | null> {
    if (this.vault) return this.vault;
    this.opening ??= (async () => {
      if (!fs.existsSync(this.file)) return null;
      const vault = await vaultCall(() => Vault.open(this.file, { idleLockMs: this.idleMs() }));
      this.adopt(vault);
      return vault;
    })().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  private idleMs(): number {
    return this.options.idleLockMinutes() * 60_000;
  }

  private adopt(vault: Vault): void {
    this.vault = vault;
    vault.onLock(({ reason }) => {
      void this.status().then((status) => this.options.onChange(status, reason));
    });
  }

  async status(): Promise<VaultStatus> {
    const availability = this.options.keychain.isAvailable();
    const keychain = { available: availability.ok, reason: availability.ok ? null : availability.reason };
    let vault: Vault | null;
    try {
      vault = await this.current();
    } catch (error) {
      if (error instanceof IpcError && error.code === "vault_corrupt") {
        return { exists: true, unlocked: false, keychainUnlockEnabled: false, keychain, entryCount: null };
      }
      throw error;
    }
    if (!vault) return { exists: false, unlocked: false, keychainUnlockEnabled: false, keychain, entryCount: null };
    return {
      exists: true,
      unlocked: vault.isUnlocked,
      keychainUnlockEnabled: vault.keychainUnlockEnabled,
      keychain,
      entryCount: vault.isUnlocked ? vault.entryCount : null,
    };
  }

  async create(passphrase: string): Promise<VaultStatus> {
    if (await this.current()) throw new IpcError("vault_exists", "A vault already exists. Unlock it instead.");
    const vault = await vaultCall(() => Vault.create(this.file, passphrase, { idleLockMs: this.idleMs(), ...this.options.createOptions }));
    this.adopt(vault);
    return this.changed("created");
  }

  async unlock(passphrase: string): Promise<VaultStatus> {
    const vault = await this.require();
    if (!vault.isUnlocked) await vaultCall(() => vault.unlockWithPassphrase(passphrase));
    return this.changed("unlocked");
  }

  async unlockWithKeychain(): Promise<VaultStatus> {
    const vault = await this.require();
    if (!vault.isUnlocked) await vaultCall(() => vault.unlockWithKeychain(this.options.keychain));
    return this.changed("unlocked");
  }

  async lock(reason: LockReason = "manual"): Promise<VaultStatus> {
    const vault = await this.current();
    if (vault?.isUnlocked) vault.lock(reason);
    return this.status();
  }

  /** Turning it off rekeys the vault, which needs the passphrase. */
  async setKeychainUnlock(enabled: boolean, passphrase: string | undefined): Promise<VaultStatus> {
    const vault = await this.requireUnlocked();
    if (enabled) await vaultCall(() => vault.enableKeychainUnlock(this.options.keychain));
    else {
      if (!passphrase) throw new IpcError("invalid_input", "Enter the vault's passphrase to turn keychain unlock off.");
      await vaultCall(() => vault.disableKeychainUnlock(passphrase));
    }
    return this.status();
  }

  /** A new passphrase (and a new data key); keychain unlock, if it was on, is turned on again under the new key. */
  async changePassphrase(current: string, next: string): Promise<VaultStatus> {
    const vault = await this.requireUnlocked();
    const keychainWasOn = vault.keychainUnlockEnabled;
    await vaultCall(() => vault.changePassphrase(current, next));
    if (keychainWasOn) await vaultCall(() => vault.enableKeychainUnlock(this.options.keychain)).catch(() => undefined);
    return this.status();
  }

  async entries(): Promise<EntryInfo[]> {
    const vault = await this.requireUnlocked();
    return vault.list();
  }

  async isUnlocked(): Promise<boolean> {
    return (await this.current())?.isUnlocked ?? false;
  }

  async add(entry: NewEntry): Promise<EntryInfo> {
    const vault = await this.requireUnlocked();
    return vaultCall(() => vault.add(entry));
  }

  /** Gives an entry a new secret; the old one becomes history (a rotation's old key, until it is revoked). */
  async replaceSecret(id: string, secret: string, meta: Record<string, string>): Promise<EntryInfo> {
    const vault = await this.requireUnlocked();
    await vaultCall(() => vault.updateSecret(id, secret));
    return vaultCall(() => vault.update(id, { meta }));
  }

  /** Puts back the previous secret (a cancelled rotation) and forgets the newer one. */
  async restorePreviousSecret(id: string, meta: Record<string, string>): Promise<void> {
    const vault = await this.requireUnlocked();
    const previous = vault.history(id)[0];
    if (!previous) return;
    await vaultCall(() => vault.updateSecret(id, previous.secret));
    await vaultCall(() => vault.clearHistory(id));
    await vaultCall(() => vault.update(id, { meta }));
  }

  /**
   * Merges entries with every field (an export's: id, kind, label, meta, times, secret, history)
   * in one save: a new entry keeps its own times; one already here keeps the newer version and
   * the other's secret as history.
   */
  async importEntries(entries: readonly FullEntry[]): Promise<ImportReport> {
    const vault = await this.requireUnlocked();
    return vaultCall(() => vault.importEntries(entries));
  }

  async clearHistory(id: string): Promise<void> {
    const vault = await this.requireUnlocked();
    await vaultCall(() => vault.clearHistory(id));
  }

  async exists(): Promise<boolean> {
    return (await this.current().catch(() => null)) !== null || fs.existsSync(this.file);
  }

  async remove(id: string): Promise<void> {
    const vault = await this.requireUnlocked();
    await vaultCall(() => vault.remove(id));
  }

  /** An entry's secret, for the clipboard or a workspace connection only. */
  async secretOf(id: string): Promise<string> {
    const vault = await this.requireUnlocked();
    return vaultCall(() => vault.get(id));
  }

  async findEntry(predicate: (entry: EntryInfo) => boolean): Promise<EntryInfo | undefined> {
    const vault = await this.current();
    if (!vault?.isUnlocked) return undefined;
    return vault.list().find(predicate);
  }

  async touch(): Promise<void> {
    (await this.current())?.touch();
  }

  async applyIdleLock(): Promise<void> {
    (await this.current())?.setIdleLock(this.idleMs());
  }

  private async changed(reason: VaultChangeReason): Promise<VaultStatus> {
    const status = await this.status();
    this.options.onChange(status, reason);
    return status;
  }

  private async require(): Promise<Vault> {
    const vault = await this.current();
    if (!vault) throw new IpcError("vault_missing", "There is no vault yet. Create one with a passphrase first.");
    return vault;
  }

  private async requireUnlocked(): Promise<Vault> {
    const vault = await this.require();
    if (!vault.isUnlocked) throw new IpcError("vault_locked", "The vault is locked. Unlock it first.");
    return vault;
  }
}
