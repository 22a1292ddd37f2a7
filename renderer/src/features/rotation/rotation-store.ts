/**
 * Rotations in progress, as `rotation.list` and the `rotation.changed` event tell them (never a
 * secret: the contract's Rotation has none), indexed by old and new key for the table's cells, and
 * which key the rotate wizard is open for. The new key's secret lives only in the wizard's step 1.
 */
import { create } from "zustand";
import type { Rotation } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";

export type WizardMode = "rotate" | "rescope";
/** `session` changes on every opening so the wizard starts fresh each time. */
export type WizardRequest = { keyId: string; mode: WizardMode; session: number };

type RotationStore = {
  rotations: Rotation[];
  byOldKeyId: ReadonlyMap<string, Rotation>;
  byNewKeyId: ReadonlyMap<string, Rotation>;
  loadError: string | null;
  wizard: WizardRequest | null;
  load: () => Promise<void>;
  setRotations: (rotations: Rotation[]) => void;
  upsert: (rotation: Rotation) => void;
  openWizard: (keyId: string, mode: WizardMode) => void;
  closeWizard: () => void;
};

function indexed(rotations: Rotation[]) {
  return {
    rotations,
    byOldKeyId: new Map(rotations.map((rotation) => [rotation.oldKeyId, rotation])),
    byNewKeyId: new Map(rotations.map((rotation) => [rotation.newKeyId, rotation])),
  };
}

let session = 0;

export const useRotationStore = create<RotationStore>()((set, get) => ({
  ...indexed([]),
  loadError: null,
  wizard: null,

  load: async () => {
    try {
      set({ ...indexed(await call(keyward().rotation.list(undefined))), loadError: null });
    } catch (error) {
      // The table still works without it; the badge and "Resume rotation" come back with `rotation.changed`.
      set({ loadError: errorMessage(error) });
    }
  },

  setRotations: (rotations) => set(indexed(rotations)),

  upsert: (rotation) => {
    const others = get().rotations.filter((existing) => existing.oldKeyId !== rotation.oldKeyId);
    set(indexed([...others, rotation]));
  },

  openWizard: (keyId, mode) => set({ wizard: { keyId, mode, session: ++session } }),
  closeWizard: () => set({ wizard: null }),
}));

/** The guide's four steps; step 1 (generate) is done when a rotation exists. */
export const STEP_NUMBER = { generate: 1, update: 2, verify: 3, revoke: 4 } as const;
export const STEP_TITLES = ["Generate", "Update the integration", "Verify", "Revoke the old key"] as const;
