/**
 * The current workspace's keys, as `keys.list` answers them (display forms, never a secret), and
 * every action that changes a key. The keys table, the details view, rotation and monitoring all
 * read and change keys through here.
 */
import { create } from "zustand";
import type { ApiKey, UpdateKeyBody } from "../../../../shared/api/schemas";
import type { BulkRevokeResult, RevokeInput } from "../../../../shared/ipc/contract";
import type { z } from "zod";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";

type KeysStore = {
  keys: ApiKey[];
  /** The workspace these keys belong to: keys of another workspace are never shown under this one's name. */
  workspaceId: string | null;
  phase: "idle" | "loading" | "ready" | "error";
  /** A reload of a list already shown: the table stays while it runs. */
  refreshing: boolean;
  error: string | null;
  load: (workspaceId: string) => Promise<void>;
  refresh: () => Promise<void>;
  upsert: (key: ApiKey) => void;
  revoke: (id: string, input: z.input<typeof RevokeInput>) => Promise<ApiKey>;
  revokeMany: (ids: string[], input: z.input<typeof RevokeInput>) => Promise<BulkRevokeResult>;
  update: (id: string, changes: UpdateKeyBody) => Promise<ApiKey>;
  exportKeys: (ids: string[], format: "csv" | "json") => Promise<{ path: string | null; count: number }>;
};

export const useKeysStore = create<KeysStore>()((set, get) => ({
  keys: [],
  workspaceId: null,
  phase: "idle",
  refreshing: false,
  error: null,

  load: async (workspaceId) => {
    const switching = workspaceId !== get().workspaceId;
    const reloading = !switching && get().keys.length > 0;
    set({ workspaceId, phase: reloading ? get().phase : "loading", refreshing: reloading, error: null, ...(switching ? { keys: [] } : {}) });
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

  revoke: async (id, input) => {
    const revoked = await call(keyward().keys.revoke({ id, ...input }));
    get().upsert(revoked);
    return revoked;
  },

  revokeMany: async (ids, input) => {
    const result = await call(keyward().keys.revokeMany({ ids, ...input }));
    for (const key of result.revoked) get().upsert(key);
    return result;
  },

  update: async (id, changes) => {
    const updated = await call(keyward().keys.update({ id, ...changes }));
    get().upsert(updated);
    return updated;
  },

  exportKeys: (ids, format) => call(keyward().keys.export({ ids, format })),
}));

/** One key of the current workspace, by id. */
export function useKey(id: string | null | undefined): ApiKey | undefined {
  return useKeysStore((state) => (id ? state.keys.find((key) => key.id === id) : undefined));
}
