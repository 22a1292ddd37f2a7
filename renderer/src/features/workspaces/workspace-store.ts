/** The workspaces the app knows and the state of the current one, kept in step with `workspace.changed`. */
import { create } from "zustand";
import type { AddWorkspaceInput, WorkspaceState, WorkspaceSummary } from "../../../../shared/ipc/contract";
import type { z } from "zod";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";

type WorkspaceStore = {
  workspaces: WorkspaceSummary[];
  current: WorkspaceState | null;
  /** Set when even asking for the current state failed (the bridge itself is in trouble). */
  loadError: string | null;
  /** Whether the "Add workspace" dialog is open: it can be opened from the switcher and from Settings. */
  adding: boolean;
  load: () => Promise<void>;
  setCurrent: (state: WorkspaceState) => void;
  setAdding: (open: boolean) => void;
  add: (input: z.input<typeof AddWorkspaceInput>) => Promise<void>;
  switchTo: (id: string) => Promise<void>;
  setProduction: (id: string, production: boolean) => Promise<void>;
  remove: (id: string) => Promise<void>;
};

// Errors of actions are thrown to the component that asked, which shows them where the user is looking.
export const useWorkspaceStore = create<WorkspaceStore>()((set) => ({
  workspaces: [],
  current: null,
  loadError: null,
  adding: false,

  load: async () => {
    try {
      const [workspaces, current] = await Promise.all([call(keyward().workspaces.list(undefined)), call(keyward().workspaces.current(undefined))]);
      set({ workspaces, current, loadError: null });
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },

  setCurrent: (current) => set({ current }),
  setAdding: (adding) => set({ adding }),

  add: async (input) => {
    const current = await call(keyward().workspaces.add(input));
    const workspaces = await call(keyward().workspaces.list(undefined));
    set({ current, workspaces });
  },

  switchTo: async (id) => {
    const current = await call(keyward().workspaces.switch({ id }));
    set({ current });
  },

  setProduction: async (id, production) => {
    set({ workspaces: await call(keyward().workspaces.update({ id, production })) });
  },

  remove: async (id) => {
    const workspaces = await call(keyward().workspaces.remove({ id }));
    const current = await call(keyward().workspaces.current(undefined));
    set({ workspaces, current });
  },
}));

/** The connected workspace, or null while none is. */
export function useConnectedWorkspace(): WorkspaceSummary | null {
  return useWorkspaceStore((state) => (state.current?.state === "connected" ? (state.current.workspace ?? null) : null));
}
