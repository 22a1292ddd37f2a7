/*
 * Rotations reach the team vault as they reach the personal vault: when a rotation makes its new
 * key, every team vault entry holding the old key gets the new secret (the old one kept as
 * history) and its link moves to the new key; a cancelled rotation puts the old key back; a
 * rotation finished by revoking the old key drops the old secret. Each is one signed change of
 * the member who rotated. What happened is also kept in team.json (ids and display forms only) so
 * a team vault opened later gets the same change, if the new secret is still at hand.
 * Protects against: a team vault handing teammates a rotated-away key, and the new secret leaving
 * the main process (it goes from the rotation's held secret or the personal vault straight into
 * the team vault; never into team.json, a log or an answer to the renderer). Does not protect
 * against: a team vault opened after the new secret is gone (held secrets expire, and the new key
 * may not be kept in the personal vault): its entry keeps the old key and shows as stale once that
 * key stops working.
 */
import type { CoreServices } from "../core-services";
import type { VersionedFile } from "../../persist/versioned-file";
import type { TeamVault } from "../../team-vault";
import type { RotationEvent } from "../rotation/rotation-service";
import { ROTATION_MEMORY_DAYS, type RotationRecord, type TeamContent } from "./team-file";

const MEMORY_MS = ROTATION_MEMORY_DAYS * 86_400_000;

/** Reads a rotation's new secret in the main process: null when Keyward no longer has it. */
export type SecretSource = (record: RotationRecord) => Promise<string | null>;

type Entry = ReturnType<TeamVault["list"]>[number];

export class TeamRotations {
  constructor(
    private readonly core: Pick<CoreServices, "held" | "vault" | "now">,
    private readonly file: VersionedFile<TeamContent>,
  ) {}

  /** The rotations of the last ROTATION_MEMORY_DAYS, oldest first. */
  records(): RotationRecord[] {
    const since = this.core.now().getTime() - MEMORY_MS;
    return this.file.get().rotations.filter((record) => Date.parse(record.at) >= since);
  }

  /** Keeps what `event` changes for team vaults opened later; answers the record to apply now (null: nothing to do). */
  async record(event: RotationEvent): Promise<RotationRecord | null> {
    const oldKeyId = event.type === "generated" ? event.oldKey.id : event.oldKeyId;
    const newKeyId = event.type === "generated" ? event.newKey.id : event.newKeyId;
    const known = this.file.get().rotations.find((record) => record.oldKeyId === oldKeyId && record.newKeyId === newKeyId);
    const at = this.core.now().toISOString();
    let record: RotationRecord;
    if (event.type === "generated") {
      record = { oldKeyId, newKeyId, state: "rotated", oldDisplay: event.oldKey.display, oldScope: event.oldKey.scope, newDisplay: event.newKey.display, newScope: event.newKey.scope, at };
    } else {
      // The old key revoked at the end, or the new one at a cancel; otherwise both still work and entries keep the new key.
      const state = event.type === "finished" ? (event.oldKeyRevoked ? "retired" : null) : event.newKeyRevoked ? "restored" : null;
      if (!state) return null;
      record = { oldKeyId, newKeyId, oldDisplay: null, oldScope: null, newDisplay: null, newScope: null, ...known, state, at };
      if (event.type === "cancelled") record.oldScope = event.previousScope;
    }
    const since = Date.parse(at) - MEMORY_MS;
    await this.file.update((content) => ({
      ...content,
      rotations: [...content.rotations.filter((other) => (other.oldKeyId !== oldKeyId || other.newKeyId !== newKeyId) && Date.parse(other.at) >= since), record],
    }));
    return record;
  }

  /**
   * Brings the open vault's entries in line with `records`, one signed change per entry. `secret`
   * reads a rotation's new secret (by default: the held secret, then the personal vault's entry of
   * the new key). Answers how many entries changed.
   */
  async apply(vault: TeamVault, records: readonly RotationRecord[], secret: SecretSource = (record) => this.successorSecret(record.newKeyId)): Promise<number> {
    let changed = 0;
    for (const record of records) {
      const entries = vault.list();
      if (record.state === "restored") {
        for (const entry of entries.filter((candidate) => rotatedBy(candidate, record) && candidate.historyCount > 0)) {
          await vault.restorePreviousSecret(entry.id, restoredMeta(entry, record));
          changed += 1;
        }
        continue;
      }
      const holdingOld = entries.filter((entry) => entry.meta?.keyId === record.oldKeyId);
      const newSecret = holdingOld.length > 0 ? await secret(record) : null;
      if (newSecret !== null) {
        for (const entry of holdingOld) {
          await vault.updateSecret(entry.id, newSecret, rotatedMeta(entry, record));
          changed += 1;
        }
      }
      if (record.state === "retired") {
        // The old key no longer works: its secret goes from the history, and the link from the meta.
        for (const entry of vault.list().filter((candidate) => rotatedBy(candidate, record))) {
          const { previousKeyId: _previous, ...meta } = entry.meta ?? {};
          await vault.clearHistory(entry.id, meta);
          changed += 1;
        }
      }
    }
    return changed;
  }

  /** The new key's secret where this device keeps it: held since the rotation made it, or in the personal vault. */
  private async successorSecret(newKeyId: string): Promise<string | null> {
    const handle = this.core.held.handleOf(newKeyId);
    const held = handle ? this.core.held.get(handle) : undefined;
    if (held) return held.secret;
    const kept = await this.core.vault.findEntry((entry) => entry.kind === "api_key_secret" && entry.meta?.keyId === newKeyId);
    return kept ? this.core.vault.secretOf(kept.id) : null;
  }
}

/** An entry this rotation gave the new key, which still holds it. */
const rotatedBy = (entry: Entry, record: RotationRecord): boolean => entry.meta?.keyId === record.newKeyId && entry.meta.previousKeyId === record.oldKeyId;

/** The entry's meta linked to the new key, naming the old one (its secret is now the newest history item). */
function rotatedMeta(entry: Entry, record: RotationRecord): Record<string, string> {
  const meta: Record<string, string> = { ...entry.meta, keyId: record.newKeyId, previousKeyId: record.oldKeyId };
  setOrDrop(meta, "display", record.newDisplay);
  if (record.newScope) meta.scope = record.newScope;
  return meta;
}

/** The entry's meta linked to the old key again, as it was before the rotation. */
function restoredMeta(entry: Entry, record: RotationRecord): Record<string, string> {
  const { previousKeyId: _previous, ...rest } = entry.meta ?? {};
  const meta: Record<string, string> = { ...rest, keyId: record.oldKeyId };
  setOrDrop(meta, "display", record.oldDisplay);
  if (record.oldScope) meta.scope = record.oldScope;
  return meta;
}

/** A display form of another key is worse than none (the link reads it from the workspace anyway). */
function setOrDrop(meta: Record<string, string>, name: string, value: string | null): void {
  if (value) meta[name] = value;
  else delete meta[name];
}
