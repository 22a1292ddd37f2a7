/*
 * Rotations in progress: the guide's four steps (generate, update the integration, verify, revoke
 * the old key), kept across restarts without any secret. The new key's secret is held in memory
 * until the rotation ends, or in the vault; verification is real evidence: the workspace's usage
 * shows a client other than Keyward on the new key.
 */
import type { ApiKey, KeyUsage, Scope, Whoami } from "../../shared/api/schemas";
import type { CopyResult, RevealedKey, RevokeTiming, Rotation, RotationStep, RotationUsage } from "../../shared/ipc/contract";
import { IpcError } from "../../shared/ipc/errors";
import type { ClipboardGuard } from "../clipboard/clipboard-guard";
import { CLIENT_USER_AGENT } from "../workspace/workspace-client";
import type { PendingSecrets } from "./pending-secrets";
import type { PreferencesStore, StoredRotation } from "./preferences";
import type { VaultService } from "./vault-service";
import type { WorkspaceService } from "./workspace-service";

const DAY_MS = 86_400_000;
const RECENT_USE_MS = 10 * 60_000;
const GRACE_SECONDS: Record<Exclude<RevokeTiming, "now">, number> = { "1h": 3600, "24h": 86_400, "7d": 604_800 };

export interface RotationServiceDeps {
  workspaces: WorkspaceService;
  vault: VaultService;
  pending: PendingSecrets;
  clipboard: ClipboardGuard;
  preferences: PreferencesStore;
  now: () => Date;
  onChange: (rotations: Rotation[]) => void;
}

export class RotationService {
  constructor(private readonly deps: RotationServiceDeps) {}

  /** The rotations of the connected workspace. */
  list(): Rotation[] {
    const workspaceId = this.currentWorkspaceId();
    return this.stored()
      .filter((rotation) => rotation.workspaceId === workspaceId)
      .map((rotation) => this.view(rotation));
  }

  async start(keyId: string, scope: Scope | undefined): Promise<{ rotation: Rotation; revealed: RevealedKey }> {
    const { client, workspaceId } = this.deps.workspaces.client();
    if (this.find(keyId, workspaceId)) throw new IpcError("conflict", "This key is already being rotated: resume that rotation instead.");
    // A vault entry of the old key must get the new secret; a locked vault would keep a stale one.
    if ((await this.deps.vault.exists()) && !(await this.deps.vault.isUnlocked())) {
      throw new IpcError("vault_locked", "Unlock the vault first: if it keeps this key, its entry gets the new key.");
    }
    const { key, secret, previous } = await client.rotateKey(keyId, scope ? { scope } : {});
    const handle = this.deps.pending.hold(
      { secret, keyId: key.id, keyName: key.name, display: key.display, scope: key.scope, workspaceId },
      { untilDropped: true },
    );
    const entry = await this.deps.vault.findEntry((candidate) => candidate.kind === "api_key_secret" && candidate.meta?.keyId === keyId);
    if (entry) {
      await this.deps.vault.replaceSecret(entry.id, secret, { ...entry.meta, keyId: key.id, display: key.display, scope: key.scope, previousKeyId: keyId });
    }
    const stored: StoredRotation = {
      oldKeyId: keyId,
      newKeyId: key.id,
      workspaceId,
      keyName: key.name,
      description: key.description,
      scope: key.scope,
      previousScope: previous.scope,
      step: "update",
      startedAt: this.deps.now().toISOString(),
      verifiedAt: null,
      vaultEntryId: entry?.id ?? null,
    };
    this.save([...this.stored(), stored]);
    return { rotation: this.view(stored), revealed: { key, secret, handle } };
  }

  async setStep(oldKeyId: string, step: RotationStep, keepInVault: boolean | undefined): Promise<Rotation> {
    const rotation = this.require(oldKeyId);
    let vaultEntryId = rotation.vaultEntryId;
    if (keepInVault && vaultEntryId === null) {
      const handle = this.deps.pending.handleOf(rotation.newKeyId);
      const pending = handle ? this.deps.pending.get(handle) : undefined;
      if (!pending) throw new IpcError("secret_gone", "The new key's secret is no longer held, so it cannot be kept in the vault.");
      if (!(await this.deps.vault.isUnlocked())) throw new IpcError("vault_locked", "Unlock the vault to keep the new key in it, or go on without keeping it.");
      const entry = await this.deps.vault.add({
        kind: "api_key_secret",
        label: pending.keyName,
        secret: pending.secret,
        meta: { keyId: pending.keyId, display: pending.display, scope: pending.scope, workspaceId: pending.workspaceId },
      });
      vaultEntryId = entry.id;
    }
    return this.view(this.update(oldKeyId, { step, vaultEntryId }));
  }

  async copyNewKey(oldKeyId: string, seconds: number): Promise<CopyResult> {
    return this.deps.clipboard.copy(await this.newSecret(this.require(oldKeyId)), seconds);
  }

  async testNewKey(oldKeyId: string): Promise<Whoami> {
    const rotation = this.require(oldKeyId);
    return this.deps.workspaces.client().client.whoami(await this.newSecret(rotation));
  }

  async usage(oldKeyId: string): Promise<RotationUsage> {
    const rotation = this.require(oldKeyId);
    const { client } = this.deps.workspaces.client();
    const now = this.deps.now();
    const days = Math.min(400, Math.ceil((now.getTime() - Date.parse(rotation.startedAt)) / DAY_MS) + 1);
    const [newUsage, oldUsage] = await Promise.all([client.keyUsage(rotation.newKeyId, days), client.keyUsage(rotation.oldKeyId, days)]);
    const newKeyFirstUse = earliest(integrationClients(newUsage));
    const oldClients = integrationClients(oldUsage);
    const oldKeyUses = oldClients
      .filter((use) => use.lastSeenAt >= rotation.startedAt)
      .map((use) => ({ at: use.lastSeenAt, ip: use.ip, userAgent: use.userAgent, requests: use.requests }));
    const latest = oldClients[0];
    if (newKeyFirstUse && rotation.verifiedAt === null) this.update(oldKeyId, { verifiedAt: newKeyFirstUse.at });
    return {
      newKeyFirstUse,
      oldKeyUses,
      oldKeyLastUse: latest ? { at: latest.lastSeenAt, ip: latest.ip, userAgent: latest.userAgent } : null,
      verified: newKeyFirstUse !== null,
      checkedAt: now.toISOString(),
    };
  }

  async finish(oldKeyId: string, timing: RevokeTiming, confirmRecentUse: boolean): Promise<{ oldKey: ApiKey }> {
    const rotation = this.require(oldKeyId);
    const { client } = this.deps.workspaces.client();
    if (!confirmRecentUse) {
      const { oldKeyLastUse } = await this.usage(oldKeyId);
      const age = oldKeyLastUse ? this.deps.now().getTime() - Date.parse(oldKeyLastUse.at) : Infinity;
      if (oldKeyLastUse && age < RECENT_USE_MS) {
        const when = age < 60_000 ? `${Math.max(1, Math.round(age / 1000))} seconds ago` : `${Math.round(age / 60_000)} minutes ago`;
        const what = timing === "now" ? "Revoking it now breaks that client" : "That client stops working when the grace period ends";
        throw new IpcError("needs_confirmation", `The old key was used ${when} from ${oldKeyLastUse.ip} (${oldKeyLastUse.userAgent || "no client name"}). ${what}.`);
      }
    }
    const oldKey =
      timing === "now"
        ? await client.revokeKey(oldKeyId, "rotated", `Rotated into ${rotation.newKeyId} by Keyward`)
        : await client.scheduleExpiry(oldKeyId, GRACE_SECONDS[timing]);
    if (timing === "now" && rotation.vaultEntryId && (await this.deps.vault.isUnlocked())) {
      await this.deps.vault.clearHistory(rotation.vaultEntryId).catch(() => undefined);
    }
    this.end(rotation);
    return { oldKey };
  }

  async cancel(oldKeyId: string, revokeNewKey: boolean): Promise<Rotation[]> {
    const rotation = this.require(oldKeyId);
    if (revokeNewKey) {
      await this.deps.workspaces.client().client.revokeKey(rotation.newKeyId, "other", "Rotation cancelled in Keyward");
      // The vault entry goes back to the old key, which stays in service.
      if (rotation.vaultEntryId && (await this.deps.vault.isUnlocked())) {
        const entry = await this.deps.vault.findEntry((candidate) => candidate.id === rotation.vaultEntryId);
        if (entry?.meta?.previousKeyId === oldKeyId) {
          const { previousKeyId: _previous, ...meta } = entry.meta;
          await this.deps.vault.restorePreviousSecret(entry.id, { ...meta, keyId: oldKeyId, scope: rotation.previousScope });
        }
      }
    }
    this.end(rotation);
    return this.list();
  }

  /** Once an old key no longer works, the vault has no use for its secret: drop that history. */
  async forgetRetiredSecrets(keys: ApiKey[]): Promise<void> {
    if (!(await this.deps.vault.isUnlocked())) return;
    const active = new Set(keys.filter((key) => key.status === "active").map((key) => key.id));
    const known = new Set(keys.map((key) => key.id));
    const vaultEntries = await this.deps.vault.entries();
    for (const entry of vaultEntries) {
      const previous = entry.meta?.previousKeyId;
      if (entry.historyCount > 0 && previous && known.has(previous) && !active.has(previous)) {
        await this.deps.vault.clearHistory(entry.id);
      }
    }
  }

  private async newSecret(rotation: StoredRotation): Promise<string> {
    const handle = this.deps.pending.handleOf(rotation.newKeyId);
    const pending = handle ? this.deps.pending.get(handle) : undefined;
    if (pending) return pending.secret;
    if (rotation.vaultEntryId && (await this.deps.vault.isUnlocked())) return this.deps.vault.secretOf(rotation.vaultEntryId);
    if (rotation.vaultEntryId) throw new IpcError("vault_locked", "Unlock the vault: it holds the new key.");
    throw new IpcError("secret_gone", "The new key's secret is no longer held: it was shown once, and it is not in the vault.");
  }

  private view(rotation: StoredRotation): Rotation {
    const held = this.deps.pending.handleOf(rotation.newKeyId) !== undefined;
    return { ...rotation, secretAvailable: held || rotation.vaultEntryId !== null };
  }

  private end(rotation: StoredRotation): void {
    const handle = this.deps.pending.handleOf(rotation.newKeyId);
    if (handle) this.deps.pending.drop(handle);
    this.save(this.stored().filter((candidate) => !sameRotation(candidate, rotation)));
  }

  private currentWorkspaceId(): string | null {
    return this.deps.workspaces.current().workspace?.id ?? null;
  }

  private stored(): StoredRotation[] {
    return this.deps.preferences.read().rotations;
  }

  private find(oldKeyId: string, workspaceId: string | null): StoredRotation | undefined {
    return this.stored().find((rotation) => rotation.oldKeyId === oldKeyId && rotation.workspaceId === workspaceId);
  }

  private require(oldKeyId: string): StoredRotation {
    const rotation = this.find(oldKeyId, this.currentWorkspaceId());
    if (!rotation) throw new IpcError("not_found", "There is no rotation of that key in progress.");
    return rotation;
  }

  private update(oldKeyId: string, patch: Partial<StoredRotation>): StoredRotation {
    const current = this.require(oldKeyId);
    const next = { ...current, ...patch };
    this.save(this.stored().map((rotation) => (sameRotation(rotation, current) ? next : rotation)));
    return next;
  }

  private save(rotations: StoredRotation[]): void {
    this.deps.preferences.write({ rotations });
    this.deps.onChange(this.list());
  }
}

const sameRotation = (a: StoredRotation, b: StoredRotation) => a.oldKeyId === b.oldKeyId && a.workspaceId === b.workspaceId;

/** Clients of a key other than Keyward itself, most recently seen first. */
function integrationClients(usage: KeyUsage): KeyUsage["clients"] {
  return usage.clients.filter((client) => client.userAgent !== CLIENT_USER_AGENT).sort((a, b) => (a.lastSeenAt < b.lastSeenAt ? 1 : -1));
}

function earliest(clients: KeyUsage["clients"]): { at: string; ip: string; userAgent: string } | null {
  const first = [...clients].sort((a, b) => (a.firstSeenAt < b.firstSeenAt ? -1 : 1))[0];
  return first ? { at: first.firstSeenAt, ip: first.ip, userAgent: first.userAgent } : null;
}
