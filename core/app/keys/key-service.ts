/*
 * The keys of the connected workspace: list, create, edit labels, revoke, and the secrets of new
 * keys. Protects against: a new key's secret reaching the renderer unasked (create answers a
 * handle and the display form; `reveal` gives the secret only while its dialog is open and the
 * vault unlocked) or being logged (it never is). Does not protect against: what the user does
 * with a secret once shown or copied.
 */
import type { ApiKey, KeyUsage, RevokeReason, UpdateKeyBody } from "../../../shared/api/schemas";
import { entryMeta } from "../../../shared/domain/vault-entries";
import type { CreateKeyInput, CreatedKeyView } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import type { ActivityLog } from "../audit/activity-log";
import type { VaultService } from "../vault/vault-service";
import type { WorkspaceService } from "../workspaces/workspace-service";
import { secretGoneMessage, type HeldSecret, type HeldSecrets } from "./held-secrets";

const CREATE_NEXT = "If it was not stored anywhere, revoke it and create another.";

export class KeyService {
  constructor(
    private readonly workspaces: WorkspaceService,
    private readonly vault: VaultService,
    private readonly held: HeldSecrets,
    private readonly activity: ActivityLog,
  ) {}

  private workspaceLabel(workspaceId: string): string {
    return this.workspaces.current().workspace?.name ?? workspaceId;
  }

  list(): Promise<ApiKey[]> {
    return this.workspaces.client().client.listAllKeys();
  }

  async create(input: CreateKeyInput): Promise<CreatedKeyView> {
    const { client, workspaceId } = this.workspaces.client();
    const { key, secret } = await client.createKey({
      name: input.name,
      scope: input.scope,
      environment: input.environment,
      description: input.description,
      ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
    });
    const handle = this.held.hold({ secret, keyId: key.id, keyName: key.name, display: key.display, scope: key.scope, workspaceId });
    void this.activity.record("key.generated", { workspace: this.workspaceLabel(workspaceId), keyId: key.id, name: key.name, scope: key.scope, display: key.display, keptInVault: false }, key.id);
    return { key, handle };
  }

  /** The secret, for the dialog that shows it, when the user asks to see it. */
  reveal(handle: string): { secret: string } {
    const held = this.requireHeld(handle);
    void this.activity.record("secret.revealed", { entryId: null, keyId: held.keyId, label: held.keyName }, held.keyId);
    return { secret: held.secret };
  }

  /** The dialog is closing: keep the secret in the vault if asked, then forget it. */
  async finishReveal(handle: string, keepInVault: boolean): Promise<{ storedInVault: boolean }> {
    const held = this.held.get(handle);
    if (!held) return { storedInVault: false };
    if (keepInVault) {
      const entryId = await this.keepInVault(held);
      void this.activity.record("secret.stored", { entryId, keyId: held.keyId, label: held.keyName }, held.keyId);
    }
    this.held.drop(handle);
    return { storedInVault: keepInVault };
  }

  /** Stores a held secret as a vault entry linked to its key; the entry's id. */
  async keepInVault(held: HeldSecret): Promise<string> {
    if (!(await this.vault.isUnlocked())) {
      throw new IpcError("vault_locked", (await this.vault.exists()) ? "Unlock the vault to keep the key in it." : "Set up the vault first to keep the key in it.");
    }
    const entry = await this.vault.add({
      kind: "api_key_secret",
      label: held.keyName,
      secret: held.secret,
      meta: entryMeta("api_key_secret", { keyId: held.keyId, display: held.display, scope: held.scope as ApiKey["scope"], workspaceId: held.workspaceId }),
    });
    return entry.id;
  }

  /** The secret for the clipboard, and what it is, for the record of the copy. */
  secretForCopy(handle: string): { secret: string; keyId: string; label: string } {
    const held = this.requireHeld(handle);
    return { secret: held.secret, keyId: held.keyId, label: held.keyName };
  }

  async revoke(id: string, reason: RevokeReason, note: string | undefined): Promise<ApiKey> {
    const { client, workspaceId } = this.workspaces.client();
    const key = await client.revokeKey(id, reason, note);
    void this.activity.record("key.revoked", { workspace: this.workspaceLabel(workspaceId), keyId: id, reason, note: note ?? null }, id);
    return key;
  }

  update(id: string, changes: UpdateKeyBody): Promise<ApiKey> {
    return this.workspaces.client().client.updateKey(id, changes);
  }

  usage(id: string, days: number): Promise<KeyUsage> {
    return this.workspaces.client().client.keyUsage(id, days);
  }

  private requireHeld(handle: string): HeldSecret {
    const held = this.held.get(handle);
    if (!held) throw new IpcError("secret_gone", secretGoneMessage(this.held.whyGone(handle), CREATE_NEXT));
    return held;
  }
}
