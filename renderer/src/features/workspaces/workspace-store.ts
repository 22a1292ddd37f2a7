/** The workspaces the app knows and the state of the current one, kept in step with `workspace.changed`. */
import { create } from "zustand";
import type { WorkspaceState, WorkspaceSummary } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";

type WorkspaceStore = {
  workspaces: WorkspaceSummary[];
  current: WorkspaceState | null;
  /** Set when even asking for the current state failed (the bridge itself is in trouble). */
  loadError: string | null;
  load: () => Promise<void>;
  setCurrent: (state: WorkspaceState) => void;
  add: (input: { name: string; url: string; adminToken: string }) => Promise<void>;
  switchTo: (id: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
};

export const useWorkspaceStore = create<WorkspaceStore>()((set) => ({
  workspaces: [],
  current: null,
  loadError: null,

  load: async () => {
    try {
      const [workspaces, current] = await Promise.all([call(keyward().workspaces.list(undefined)), call(keyward().workspaces.current(undefined))]);
      set({ workspaces, current, loadError: null });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },

  setCurrent: (current) => set({ current }),

  // Errors are thrown to the dialog that asked, which shows them where the user is looking.
  add: async (input) => {
    const current = await call(keyward().workspaces.add(input));
    const workspaces = await call(keyward().workspaces.list(undefined));
    set({ current, workspaces });
  },

  switchTo: async (id) => {
    const current = await call(keyward().workspaces.switch({ id }));
    set({ current });
  },

  remove: async (id) => {
    const workspaces = await call(keyward().workspaces.remove({ id }));
    const current = await call(keyward().workspaces.current(undefined));
    set({ workspaces, current });
  },
}));
