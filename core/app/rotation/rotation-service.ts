/*
 * Rotations in progress: the guide's four steps (generate, update the integration, verify, revoke
 * the old key) as the state machine of shared/domain/rotation-steps, kept across restarts without
 * any secret. Verification is real evidence: the workspace's usage shows a client other than
 * Keyward on the new key. Other services of the main process (the team vault) hear of each new
 * key, cancellation and end through `onRotationEvent`.
 * Protects against: the new key's secret outliving its use (held for a limited time, dropped when
 * the vault locks or the rotation ends, or kept encrypted in the vault), and a rotation skipping
 * a step (an illegal move is refused). Does not protect against: the integration's own handling of
 * the key once copied.
 */
import type { ApiKey, KeyUsage, Scope, Whoami } from "../../../shared/api/schemas";
import { canMoveRotation, FINISHING_STEP, STEP_TITLES, STEP_NUMBER, type RotationStep } from "../../../shared/domain/rotation-steps";
import { entryMeta, readEntryMeta } from "../../../shared/domain/vault-entries";
import { formatRelative } from "../../../shared/text/relative-time";
import type { CopyResult, CreatedKeyView, RevokeTiming, Rotation, RotationUsage } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import { createLog } from "../../log";
import type { ClipboardGuard } from "../../clipboard/clipboard-guard";
import type { VersionedFile } from "../../persist/versioned-file";
import { CLIENT_USER_AGENT } from "../../workspace/workspace-client";
import { secretGoneMessage, type HeldSecrets } from "../keys/held-secrets";
import type { KeyService } from "../keys/key-service";
import type { RotationsContent } from "../state/rotations-file";
import type { StoredRotation } from "../state";
import type { VaultService } from "../vault/vault-service";
import type { ActivityLog } from "../audit/activity-log";
import type { WorkspaceService } from "../workspaces/workspace-service";
import { MS_PER_UTC_DAY } from "../../../shared/domain/days";

const RECENT_USE_MS = 10 * 60_000;
const GRACE_SECONDS: Record<Exclude<RevokeTiming, "now">, number> = { "1h": 3600, "24h": 86_400, "7d": 604_800 };
const ROTATION_NEXT = "Cancel this rotation (revoking the new key) and start again for a new key.";
const log = createLog("rotation");

/** A key as a rotation event names it: never its secret. */
export interface RotationKeyRef {
  id: string;
  display: string;
  scope: Scope;
}

/**
 * What a rotation tells other services of the main process (the team vault), once its own state
 * is saved. Ids, display forms and scopes only: the new secret is read through `newSecret`, in
 * this process, and never travels in the event itself.
 */
export type RotationEvent =
  | {
      type: "generated";
      workspaceId: string;
      oldKey: RotationKeyRef;
      newKey: RotationKeyRef;
      /** The new key's secret while Keyward still has it (held, or kept in the vault), else null. */
      newSecret: () => Promise<string | null>;
    }
  /** `newKeyRevoked`: the old key stays in service and whatever held the new key goes back to it. */
  | { type: "cancelled"; workspaceId: string; oldKeyId: string; newKeyId: string; newKeyRevoked: boolean; previousScope: Scope }
  /** `oldKeyRevoked`: revoked now (its secret is of no use any more), rather than left to expire after a grace period. */
  | { type: "finished"; workspaceId: string; oldKeyId: string; newKeyId: string; oldKeyRevoked: boolean };

/** Runs before the rotation's step answers; a listener that fails is logged and never fails the rotation. */
export type RotationListener = (event: RotationEvent) => void | Promise<void>;

export interface RotationServiceDeps {
  workspaces: WorkspaceService;
  vault: VaultService;
  keys: KeyService;
  held: HeldSecrets;
  clipboard: ClipboardGuard;
  file: VersionedFile<RotationsContent>;
  now: () => Date;
  onChange: (rotations: Rotation[]) => void;
  activity: ActivityLog;
}

export class RotationService {
  private readonly listeners = new Set<RotationListener>();

  constructor(private readonly deps: RotationServiceDeps) {}

  /** Tells `listener` of each rotation's new key, cancellation and end; the answer unsubscribes. */
  onRotationEvent(listener: RotationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The rotations of the connected workspace. */
  list(): Rotation[] {
    const workspaceId = this.currentWorkspaceId();
    return this.stored()
      .filter((rotation) => rotation.workspaceId === workspaceId)
      .map((rotation) => this.view(rotation));
  }

  async start(keyId: string, scope: Scope | undefined): Promise<{ rotation: Rotation; created: CreatedKeyView }> {
    const { client, workspaceId } = this.deps.workspaces.client();
    if (this.find(keyId, workspaceId)) throw new IpcError("conflict", "This key is already being rotated: resume that rotation instead.");
    // A vault entry of the old key must get the new secret; a locked vault would keep a stale one.
    if ((await this.deps.vault.exists()) && !(await this.deps.vault.isUnlocked())) {
      throw new IpcError("vault_locked", "Unlock the vault first: if it keeps this key, its entry gets the new key.");
    }
    const { key, secret, previous } = await client.rotateKey(keyId, scope ? { scope } : {});
    const handle = this.deps.held.hold({ secret, keyId: key.id, keyName: key.name, display: key.display, scope: key.scope, workspaceId });
    const entry = await this.deps.vault.findEntry((candidate) => candidate.kind === "api_key_secret" && readEntryMeta("api_key_secret", candidate.meta)?.keyId === keyId);
    if (entry) {
      await this.deps.vault.replaceSecret(entry.id, secret, entryMeta("api_key_secret", { keyId: key.id, display: key.display, scope: key.scope, workspaceId, previousKeyId: keyId }));
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
    await this.save((rotations) => [...rotations, stored]);
    await this.emit({
      type: "generated",
      workspaceId,
      oldKey: { id: keyId, display: previous.display, scope: previous.scope },
      newKey: { id: key.id, display: key.display, scope: key.scope },
      newSecret: () => this.newSecret(stored).catch(() => null),
    });
    return { rotation: this.view(stored), created: { key, handle } };
  }

  /** Moves a rotation to another step, if the state machine allows that move. */
  async move(oldKeyId: string, to: RotationStep): Promise<Rotation> {
    const rotation = this.require(oldKeyId);
    if (rotation.step !== to && !canMoveRotation(rotation.step, to)) {
      throw new IpcError(
        "illegal_transition",
        `This rotation is at step ${STEP_NUMBER[rotation.step]} (${STEP_TITLES[STEP_NUMBER[rotation.step] - 1]}); it cannot go to step ${STEP_NUMBER[to]} from there.`,
      );
    }
    return this.view(await this.update(oldKeyId, { step: to }));
  }

  /** Keeps the new key's held secret in the vault (so it can be copied later), linked to the new key. */
  async keepNewKey(oldKeyId: string): Promise<Rotation> {
    const rotation = this.require(oldKeyId);
    if (rotation.vaultEntryId !== null) return this.view(rotation);
    const handle = this.deps.held.handleOf(rotation.newKeyId);
    const held = handle ? this.deps.held.get(handle) : undefined;
    if (!held) throw new IpcError("secret_gone", secretGoneMessage(handle ? this.deps.held.whyGone(handle) : undefined, ROTATION_NEXT));
    const vaultEntryId = await this.deps.keys.keepInVault(held);
    return this.view(await this.update(oldKeyId, { vaultEntryId }));
  }

  async copyNewKey(oldKeyId: string, seconds: number): Promise<CopyResult> {
    const rotation = this.require(oldKeyId);
    const copied = await this.deps.clipboard.copy(await this.newSecret(rotation), seconds);
    void this.deps.activity.record("secret.copied", { entryId: rotation.vaultEntryId, keyId: rotation.newKeyId, label: rotation.keyName, clearAfterSeconds: copied.seconds }, rotation.newKeyId);
    return copied;
  }

  async testNewKey(oldKeyId: string): Promise<Whoami> {
    const rotation = this.require(oldKeyId);
    return this.deps.workspaces.client().client.whoami(await this.newSecret(rotation));
  }

  async usage(oldKeyId: string): Promise<RotationUsage> {
    const rotation = this.require(oldKeyId);
    const { client } = this.deps.workspaces.client();
    const now = this.deps.now();
    const days = Math.min(400, Math.ceil((now.getTime() - Date.parse(rotation.startedAt)) / MS_PER_UTC_DAY) + 1);
    const [newUsage, oldUsage] = await Promise.all([client.keyUsage(rotation.newKeyId, days), client.keyUsage(rotation.oldKeyId, days)]);
    const newKeyFirstUse = earliest(integrationClients(newUsage));
    const oldClients = integrationClients(oldUsage);
    const oldKeyUses = oldClients
      .filter((use) => use.lastSeenAt >= rotation.startedAt)
      .map((use) => ({ at: use.lastSeenAt, ip: use.ip, userAgent: use.userAgent, requests: use.requests }));
    const latest = oldClients[0];
    if (newKeyFirstUse && rotation.verifiedAt === null) await this.update(oldKeyId, { verifiedAt: newKeyFirstUse.at });
    return {
      newKeyFirstUse,
      oldKeyUses,
      oldKeyLastUse: latest ? { at: latest.lastSeenAt, ip: latest.ip, userAgent: latest.userAgent } : null,
      verified: newKeyFirstUse !== null,
      checkedAt: now.toISOString(),
    };
  }

  /**
   * Step 4: revokes the old key now, or lets it expire after a grace period. Revoking now a key
   * used in the last 10 minutes needs `confirmRecentUse`; a grace period exists for exactly that
   * case, so it never asks.
   */
  async finish(oldKeyId: string, timing: RevokeTiming, confirmRecentUse: boolean): Promise<{ oldKey: ApiKey }> {
    const rotation = this.require(oldKeyId);
    if (rotation.step !== FINISHING_STEP) {
      throw new IpcError("illegal_transition", `The old key is retired at step ${STEP_NUMBER[FINISHING_STEP]}; this rotation is at step ${STEP_NUMBER[rotation.step]}.`);
    }
    const { client } = this.deps.workspaces.client();
    if (timing === "now" && !confirmRecentUse) {
      const { oldKeyLastUse } = await this.usage(oldKeyId);
      const now = this.deps.now().getTime();
      if (oldKeyLastUse && now - Date.parse(oldKeyLastUse.at) < RECENT_USE_MS) {
        const when = formatRelative(oldKeyLastUse.at, now, { seconds: true });
        throw new IpcError("needs_confirmation", `The old key was used ${when} from ${oldKeyLastUse.ip} (${oldKeyLastUse.userAgent || "no client name"}). Revoking it now breaks that client.`);
      }
    }
    const oldKey =
      timing === "now"
        ? await client.revokeKey(oldKeyId, "rotated", `Rotated into ${rotation.newKeyId} by Keyward`)
        : await client.scheduleExpiry(oldKeyId, GRACE_SECONDS[timing]);
    if (timing === "now" && rotation.vaultEntryId && (await this.deps.vault.isUnlocked())) {
      await this.deps.vault.clearHistory(rotation.vaultEntryId).catch(() => undefined);
    }
    await this.end(rotation);
    await this.emit({ type: "finished", workspaceId: rotation.workspaceId, oldKeyId, newKeyId: rotation.newKeyId, oldKeyRevoked: timing === "now" });
    void this.deps.activity.record(
      "key.rotated",
      {
        workspace: this.deps.workspaces.current().workspace?.name ?? rotation.workspaceId,
        keyId: oldKeyId,
        successorId: rotation.newKeyId,
        scope: rotation.scope,
        previousScope: rotation.previousScope,
        graceSeconds: timing === "now" ? null : GRACE_SECONDS[timing],
      },
      oldKeyId,
    );
    return { oldKey };
  }

  async cancel(oldKeyId: string, revokeNewKey: boolean): Promise<Rotation[]> {
    const rotation = this.require(oldKeyId);
    if (revokeNewKey) {
      const { client } = this.deps.workspaces.client();
      await client.revokeKey(rotation.newKeyId, "other", "Rotation cancelled in Keyward");
      // The vault entry goes back to the old key, which stays in service: its secret, id, scope and display form.
      if (rotation.vaultEntryId && (await this.deps.vault.isUnlocked())) {
        const entry = await this.deps.vault.findEntry((candidate) => candidate.id === rotation.vaultEntryId);
        const meta = readEntryMeta("api_key_secret", entry?.meta);
        if (entry && meta?.previousKeyId === oldKeyId) {
          const { previousKeyId: _previous, ...rest } = meta;
          const oldKey = await client.getKey(oldKeyId);
          await this.deps.vault.restorePreviousSecret(entry.id, entryMeta("api_key_secret", { ...rest, keyId: oldKeyId, display: oldKey.display, scope: rotation.previousScope }));
        }
      }
    }
    await this.end(rotation);
    await this.emit({ type: "cancelled", workspaceId: rotation.workspaceId, oldKeyId, newKeyId: rotation.newKeyId, newKeyRevoked: revokeNewKey, previousScope: rotation.previousScope });
    return this.list();
  }

  /** Once an old key no longer works, the vault has no use for its secret: drop that history. */
  async forgetRetiredSecrets(keys: ApiKey[]): Promise<void> {
    if (!(await this.deps.vault.isUnlocked())) return;
    const active = new Set(keys.filter((key) => key.status === "active").map((key) => key.id));
    const known = new Set(keys.map((key) => key.id));
    for (const entry of await this.deps.vault.entries()) {
      const previous = readEntryMeta("api_key_secret", entry.meta)?.previousKeyId;
      if (entry.historyCount > 0 && previous && known.has(previous) && !active.has(previous)) {
        await this.deps.vault.clearHistory(entry.id);
      }
    }
  }

  /** The ids of keys in a rotation (old and new): reminders skip them. */
  rotatingKeyIds(): Set<string> {
    return new Set(this.stored().flatMap((rotation) => [rotation.oldKeyId, rotation.newKeyId]));
  }

  private async newSecret(rotation: StoredRotation): Promise<string> {
    const handle = this.deps.held.handleOf(rotation.newKeyId);
    const held = handle ? this.deps.held.get(handle) : undefined;
    if (held) return held.secret;
    if (rotation.vaultEntryId && (await this.deps.vault.isUnlocked())) return this.deps.vault.secretOf(rotation.vaultEntryId);
    if (rotation.vaultEntryId) throw new IpcError("vault_locked", "Unlock the vault: it holds the new key.");
    throw new IpcError("secret_gone", `${secretGoneMessage(undefined, ROTATION_NEXT)} The new key is not in the vault either.`);
  }

  private async emit(event: RotationEvent): Promise<void> {
    for (const listener of [...this.listeners]) {
      try {
        await listener(event);
      } catch (error) {
        log.unexpected(`a listener of the rotation's "${event.type}" event failed`, error);
      }
    }
  }

  private view(rotation: StoredRotation): Rotation {
    const held = this.deps.held.handleOf(rotation.newKeyId) !== undefined;
    return { ...rotation, secretAvailable: held || rotation.vaultEntryId !== null };
  }

  private async end(rotation: StoredRotation): Promise<void> {
    const handle = this.deps.held.handleOf(rotation.newKeyId);
    if (handle) this.deps.held.drop(handle);
    await this.save((rotations) => rotations.filter((candidate) => !sameRotation(candidate, rotation)));
  }

  private currentWorkspaceId(): string | null {
    return this.deps.workspaces.current().workspace?.id ?? null;
  }

  private stored(): StoredRotation[] {
    return this.deps.file.get().rotations;
  }

  private find(oldKeyId: string, workspaceId: string | null): StoredRotation | undefined {
    return this.stored().find((rotation) => rotation.oldKeyId === oldKeyId && rotation.workspaceId === workspaceId);
  }

  private require(oldKeyId: string): StoredRotation {
    const rotation = this.find(oldKeyId, this.currentWorkspaceId());
    if (!rotation) throw new IpcError("not_found", "There is no rotation of that key in progress.");
    return rotation;
  }

  private async update(oldKeyId: string, patch: Partial<StoredRotation>): Promise<StoredRotation> {
    const current = this.require(oldKeyId);
    const next = { ...current, ...patch };
    await this.save((rotations) => rotations.map((rotation) => (sameRotation(rotation, current) ? next : rotation)));
    return next;
  }

  private async save(change: (rotations: StoredRotation[]) => StoredRotation[]): Promise<void> {
    await this.deps.file.update((content) => ({ rotations: change(content.rotations) }));
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
