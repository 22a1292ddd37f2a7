/**
 * rotations.json: the rotations in progress, kept across restarts. Ids, names, scopes and the
 * step only: never a secret (the new key's secret is held in memory, or in the vault). Its own
 * schema, versioned apart from the IPC contract's view of a rotation.
 */
import { z } from "zod";
import { Scope } from "../../../shared/api/schemas";
import { RotationStep } from "../../../shared/domain/rotation-steps";
import { stateFile, type VersionedFile } from "../../persist/versioned-file";
import { parsedItems, seedFromLegacy } from "./legacy";

const Time = z.iso.datetime({ offset: false });

export const StoredRotation = z.object({
  oldKeyId: z.string(),
  newKeyId: z.string(),
  workspaceId: z.string(),
  keyName: z.string(),
  description: z.string(),
  scope: Scope,
  previousScope: Scope,
  step: RotationStep,
  startedAt: Time,
  /** When a client other than Keyward first used the new key. */
  verifiedAt: Time.nullable(),
  /** The vault entry that holds the new secret, if any. */
  vaultEntryId: z.string().nullable(),
});
export type StoredRotation = z.infer<typeof StoredRotation>;

const rotationList = z.unknown().transform((items) => parsedItems(items, (item) => StoredRotation.safeParse(item).data));
export const RotationsContent = z.object({ rotations: rotationList });
export type RotationsContent = z.infer<typeof RotationsContent>;

export function openRotationsFile(dataDir: string): VersionedFile<RotationsContent> {
  return stateFile(dataDir, "rotations.json", { what: "the rotations in progress", version: 1, schema: RotationsContent, defaults: () => ({ rotations: [] }), seed: seedFromLegacy(dataDir, "rotations", "rotations") });
}
