/*
 * The keys of the connected workspace: list, create (the secret goes to the one dialog that shows
 * it, and is otherwise held here under a handle until that dialog closes), keep in the vault,
 * revoke. Secrets are never logged.
 */
import type { ApiKey, RevokeReason } from "../../shared/api/schemas";
import type { CreateKeyInput, RevealedKey } from "../../shared/ipc/contract";
import { IpcError } from "../../shared/ipc/errors";
import type { PendingSecrets } from "./pending-secrets";
import type { VaultService } from "./vault-service";
import type { WorkspaceService } from "./workspace-service";

export class KeyService {
  constructor(
    private readonly workspaces: WorkspaceService,
    private readonly vault: VaultService,
    private readonly pending: PendingSecrets,
  ) {}

  list(): Promise<ApiKey[]> {
    return this.workspaces.client().client.listAllKeys();
  }

  async create(input: Required<Pick<CreateKeyInput, "name" | "scope">> & { description: string; expiresAt: string | null }): Promise<RevealedKey> {
    const { client, workspaceId } = this.workspaces.client();
    const { key, secret } = await client.createKey({
      name: input.name,
      scope: input.scope,
      description: input.description,
      ...(input.expiresAt ? { expiresAt: input.expiresAt } : {}),
    });
    const handle = this.pending.hold({ secret, keyId: key.id, keyName: key.name, display: key.display, scope: key.scope, workspaceId });
    return { key, secret, handle };
  }

  /** The dialog is closing: keep the secret in the vault if asked, then forget it. */
  async finishReveal(handle: string, keepInVault: boolean): Promise<{ storedInVault: boolean }> {
    const pending = this.pending.get(handle);
    if (!pending) return { storedInVault: false };
    if (keepInVault) {
      if (!(await this.vault.isUnlocked())) {
        throw new IpcError("vault_locked", "The vault locked while this dialog was open. Unlock it to keep the key, or close without keeping it.");
      }
      await this.vault.add({
        kind: "api_key_secret",
        label: pending.keyName,
        secret: pending.secret,
        meta: { keyId: pending.keyId, display: pending.display, scope: pending.scope, workspaceId: pending.workspaceId },
      });
    }
    this.pending.drop(handle);
    return { storedInVault: keepInVault };
  }

  secretForCopy(handle: string): string {
    const pending = this.pending.get(handle);
    if (!pending) throw new IpcError("secret_gone", "This key's secret is no longer held: it is shown once, and that dialog was closed.");
    return pending.secret;
  }

  revoke(id: string, reason: RevokeReason, note: string | undefined): Promise<ApiKey> {
    return this.workspaces.client().client.revokeKey(id, reason, note);
  }
}
