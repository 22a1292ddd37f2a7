/**
 * The audit log view's state: its filters, the entries shown (both sources merged, newest first)
 * and where "Load older" goes on from, and both chains' verification (the workspace's with its
 * download and verify progress). Events and keys only: never a secret.
 */
import { create } from "zustand";
import type { AppLogCheck, AuditLogCursor, AuditLogEntry, EventPayload, WorkspaceChainCheck } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";
import { dayBound } from "./audit-text";

export type LogFilters = { source: "all" | "workspace" | "app"; keyId: string; type: string; actor: string; from: string; to: string };
export const NO_FILTERS: LogFilters = { source: "all", keyId: "", type: "", actor: "", from: "", to: "" };

type Check<T> = { state: "idle" } | { state: "checking" } | { state: "done"; result: T } | { state: "failed"; message: string };

type AuditLogStore = {
  filters: LogFilters;
  entries: AuditLogEntry[];
  next: AuditLogCursor | null;
  phase: "idle" | "loading" | "ready" | "error";
  loadingOlder: boolean;
  error: string | null;
  workspaceProblem: string | null;
  /** The workspace the entries and its check are of (the app's id), so another's are never shown under its name. */
  workspaceId: string | null;
  workspaceCheck: Check<WorkspaceChainCheck>;
  appCheck: Check<AppLogCheck>;
  progress: EventPayload<"audit.progress"> | null;
  setFilters: (change: Partial<LogFilters>) => void;
  load: (workspaceId: string | null) => Promise<void>;
  loadOlder: () => Promise<void>;
  checkWorkspace: () => Promise<void>;
  checkApp: () => Promise<void>;
  progressed: (event: EventPayload<"audit.progress">) => void;
};

function query(filters: LogFilters) {
  return {
    source: filters.source,
    ...(filters.keyId ? { keyId: filters.keyId } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.actor.trim() ? { actor: filters.actor.trim() } : {}),
    ...(dayBound(filters.from, false) ? { since: dayBound(filters.from, false) } : {}),
    ...(dayBound(filters.to, true) ? { until: dayBound(filters.to, true) } : {}),
    limit: 50,
  };
}

/** Each load gets a number: an answer to a query the user has since changed is dropped. */
let generation = 0;

export const useAuditLogStore = create<AuditLogStore>()((set, get) => ({
  filters: NO_FILTERS,
  entries: [],
  next: null,
  phase: "idle",
  loadingOlder: false,
  error: null,
  workspaceProblem: null,
  workspaceId: null,
  workspaceCheck: { state: "idle" },
  appCheck: { state: "idle" },
  progress: null,

  setFilters: (change) => {
    set({ filters: { ...get().filters, ...change } });
    void get().load(get().workspaceId);
  },

  load: async (workspaceId) => {
    const mine = ++generation;
    const switching = workspaceId !== get().workspaceId;
    set({ phase: "loading", error: null, workspaceId, ...(switching ? { entries: [], next: null, workspaceCheck: { state: "idle" } } : {}) });
    try {
      const page = await call(keyward().audit.log(query(get().filters)));
      if (mine === generation) set({ entries: page.entries, next: page.next, workspaceProblem: page.workspaceProblem, phase: "ready" });
    } catch (error) {
      if (mine === generation) set({ phase: "error", error: errorMessage(error) });
    }
  },

  loadOlder: async () => {
    const { next, filters } = get();
    if (!next) return;
    const mine = generation;
    set({ loadingOlder: true, error: null });
    try {
      const page = await call(keyward().audit.log({ ...query(filters), cursor: next }));
      if (mine === generation) set({ entries: [...get().entries, ...page.entries], next: page.next, workspaceProblem: page.workspaceProblem });
    } catch (error) {
      if (mine === generation) set({ error: errorMessage(error) });
    } finally {
      set({ loadingOlder: false });
    }
  },

  checkWorkspace: async () => {
    const workspaceId = get().workspaceId;
    set({ workspaceCheck: { state: "checking" }, progress: null });
    try {
      const result = await call(keyward().audit.verifyWorkspaceChain(undefined));
      if (get().workspaceId === workspaceId) set({ workspaceCheck: { state: "done", result }, progress: null });
    } catch (error) {
      if (get().workspaceId === workspaceId) set({ workspaceCheck: { state: "failed", message: errorMessage(error) }, progress: null });
    }
  },

  checkApp: async () => {
    set({ appCheck: { state: "checking" } });
    try {
      set({ appCheck: { state: "done", result: await call(keyward().audit.verifyAppLog(undefined)) } });
    } catch (error) {
      set({ appCheck: { state: "failed", message: errorMessage(error) } });
    }
  },

  progressed: (event) => {
    if (event.task === "workspace_check" && get().workspaceCheck.state === "checking") set({ progress: event });
  },
}));
