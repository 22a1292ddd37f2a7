/**
 * Rotations in progress, as `rotation.list` and the `rotation.changed` event tell them (never a
 * secret: the contract's Rotation has none), indexed by old and new key for the table's cells;
 * which key the rotate wizard is open for; and every call the wizard makes.
 */
import { create } from "zustand";
import type { ApiKey, Scope, Whoami } from "../../../../shared/api/schemas";
import type { RotationStep } from "../../../../shared/domain/rotation-steps";
import type { CreatedKeyView, RevokeTiming, Rotation, RotationUsage } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";
import { useKeysStore } from "../inventory";

export type WizardMode = "rotate" | "rescope";
/**
 * `session` changes on every opening so the wizard starts fresh each time. `suggestedScope` is the
 * scope a rescope starts from (a finding's suggestion), else the narrowest.
 */
export type WizardRequest = { keyId: string; mode: WizardMode; session: number; suggestedScope: Scope | null };

type RotationStore = {
  rotations: Rotation[];
  byOldKeyId: ReadonlyMap<string, Rotation>;
  byNewKeyId: ReadonlyMap<string, Rotation>;
  loadError: string | null;
  wizard: WizardRequest | null;
  load: () => Promise<void>;
  setRotations: (rotations: Rotation[]) => void;
  openWizard: (keyId: string, mode: WizardMode, options?: { suggestedScope?: Scope }) => void;
  closeWizard: () => void;
  start: (keyId: string, scope: Scope | undefined) => Promise<{ rotation: Rotation; created: CreatedKeyView }>;
  move: (oldKeyId: string, to: RotationStep) => Promise<void>;
  keepNewKey: (oldKeyId: string) => Promise<void>;
  testNewKey: (oldKeyId: string) => Promise<Whoami>;
  usage: (oldKeyId: string) => Promise<RotationUsage>;
  finish: (oldKeyId: string, timing: RevokeTiming, confirmRecentUse: boolean) => Promise<ApiKey>;
  cancel: (oldKeyId: string, revokeNewKey: boolean) => Promise<void>;
};

function indexed(rotations: Rotation[]) {
  return {
    rotations,
    byOldKeyId: new Map(rotations.map((rotation) => [rotation.oldKeyId, rotation])),
    byNewKeyId: new Map(rotations.map((rotation) => [rotation.newKeyId, rotation])),
  };
}

let session = 0;

export const useRotationStore = create<RotationStore>()((set, get) => {
  const upsert = (rotation: Rotation) => set(indexed([...get().rotations.filter((existing) => existing.oldKeyId !== rotation.oldKeyId), rotation]));
  return {
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
    openWizard: (keyId, mode, options = {}) => set({ wizard: { keyId, mode, session: ++session, suggestedScope: options.suggestedScope ?? null } }),
    closeWizard: () => set({ wizard: null }),

    start: async (keyId, scope) => {
      const started = await call(keyward().rotation.start({ keyId, ...(scope ? { scope } : {}) }));
      upsert(started.rotation);
      useKeysStore.getState().upsert(started.created.key);
      void useKeysStore.getState().refresh();
      return started;
    },
    move: async (oldKeyId, to) => upsert(await call(keyward().rotation.move({ oldKeyId, to }))),
    keepNewKey: async (oldKeyId) => upsert(await call(keyward().rotation.keepNewKey({ oldKeyId }))),
    testNewKey: (oldKeyId) => call(keyward().rotation.testNewKey({ oldKeyId })),
    usage: (oldKeyId) => call(keyward().rotation.usage({ oldKeyId })),
    finish: async (oldKeyId, timing, confirmRecentUse) => {
      const { oldKey } = await call(keyward().rotation.finish({ oldKeyId, revoke: timing, confirmRecentUse }));
      useKeysStore.getState().upsert(oldKey);
      void useKeysStore.getState().refresh();
      void get().load();
      return oldKey;
    },
    cancel: async (oldKeyId, revokeNewKey) => {
      set(indexed(await call(keyward().rotation.cancel({ oldKeyId, revokeNewKey }))));
      void useKeysStore.getState().refresh();
    },
  };
});
