/** The current workspace's keys (never a secret: `keys.list` answers display forms only) and the table's filters. */
import { create } from "zustand";
import type { ApiKey, KeyStatus, RevokeReason, Scope } from "../../../../shared/api/schemas";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";
import type { RotationFilter } from "../rotation/rotation-due";

export type KeyFilters = { search: string; scope: Scope | "all"; status: KeyStatus | "all"; rotation: RotationFilter };
export const NO_FILTERS: KeyFilters = { search: "", scope: "all", status: "all", rotation: "any" };

type KeysStore = {
  keys: ApiKey[];
  /** The workspace these keys belong to: keys of another workspace are never shown under this one's name. */
  workspaceId: string | null;
  phase: "idle" | "loading" | "ready" | "error";
  /** A reload of a list already shown: the table stays while it runs. */
  refreshing: boolean;
  error: string | null;
  filters: KeyFilters;
  load: (workspaceId: string) => Promise<void>;
  refresh: () => Promise<void>;
  upsert: (key: ApiKey) => void;
  revoke: (id: string, reason: RevokeReason, note?: string) => Promise<ApiKey>;
  setFilters: (patch: Partial<KeyFilters>) => void;
};

export const useKeysStore = create<KeysStore>()((set, get) => ({
  keys: [],
  workspaceId: null,
  phase: "idle",
  refreshing: false,
  error: null,
  filters: NO_FILTERS,

  load: async (workspaceId) => {
    const switching = workspaceId !== get().workspaceId;
    const reloading = !switching && get().keys.length > 0;
    set({ workspaceId, phase: reloading ? get().phase : "loading", refreshing: reloading, error: null, ...(switching ? { keys: [], filters: NO_FILTERS } : {}) });
    try {
      const keys = await call(keyward().keys.list(undefined));
      // A slower answer for a workspace the user has since left is dropped.
      if (get().workspaceId === workspaceId) set({ keys, phase: "ready", refreshing: false });
    } catch (error) {
      if (get().workspaceId === workspaceId) set({ phase: "error", refreshing: false, error: errorMessage(error) });
    }
  },

  refresh: async () => {
    const { workspaceId, load } = get();
    if (workspaceId) await load(workspaceId);
  },

  upsert: (key) => {
    const keys = get().keys;
    const index = keys.findIndex((existing) => existing.id === key.id);
    set({ keys: index === -1 ? [key, ...keys] : keys.with(index, key) });
  },

  revoke: async (id, reason, note) => {
    const revoked = await call(keyward().keys.revoke({ id, reason, ...(note ? { note } : {}) }));
    get().upsert(revoked);
    return revoked;
  },

  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
}));
