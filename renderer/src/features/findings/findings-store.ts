/**
 * Monitoring's findings for the connected workspace, as `findings.list` answers them, indexed by
 * key for the keys table's badges and filter and for the details view; and dismissing one (with a
 * note) or taking a dismissal back. The findings follow the keys: whenever the keys list changes (a
 * reload, a revocation, a rotation) they are computed again, shortly after, once.
 */
import { create } from "zustand";
import type { Finding } from "../../../../shared/domain/findings";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";
import { useKeysStore } from "../inventory";
import { useSettingsStore } from "../settings";

const RECOMPUTE_DELAY_MS = 300;

type FindingsStore = {
  workspaceId: string | null;
  phase: "idle" | "loading" | "ready" | "error";
  error: string | null;
  findings: Finding[];
  /** Open (not dismissed) findings of each key, most severe first. */
  openByKey: ReadonlyMap<string, readonly Finding[]>;
  computedAt: string | null;
  usageProblem: string | null;
  /** The finding whose dismiss dialog is open. */
  dismissing: Finding | null;
  load: (workspaceId: string) => Promise<void>;
  refresh: () => Promise<void>;
  openDismiss: (finding: Finding) => void;
  closeDismiss: () => void;
  dismiss: (findingId: string, note: string) => Promise<void>;
  restore: (findingId: string) => Promise<void>;
};

const NONE: ReadonlyMap<string, readonly Finding[]> = new Map();

function openByKey(findings: readonly Finding[]): ReadonlyMap<string, readonly Finding[]> {
  const byKey = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.dismissal) continue;
    const list = byKey.get(finding.keyId);
    if (list) list.push(finding);
    else byKey.set(finding.keyId, [finding]);
  }
  return byKey;
}

export const useFindingsStore = create<FindingsStore>()((set, get) => ({
  workspaceId: null,
  phase: "idle",
  error: null,
  findings: [],
  openByKey: NONE,
  computedAt: null,
  usageProblem: null,
  dismissing: null,

  load: async (workspaceId) => {
    const switching = workspaceId !== get().workspaceId;
    set({ workspaceId, error: null, ...(switching ? { phase: "loading", findings: [], openByKey: NONE, computedAt: null, usageProblem: null } : {}) });
    try {
      const list = await call(keyward().findings.list(undefined));
      // An answer for a workspace the user has since left is dropped.
      if (get().workspaceId !== workspaceId || list.workspaceId !== workspaceId) return;
      set({ phase: "ready", findings: list.findings, openByKey: openByKey(list.findings), computedAt: list.computedAt, usageProblem: list.usageProblem });
    } catch (error) {
      if (get().workspaceId === workspaceId) set({ phase: get().findings.length > 0 ? "ready" : "error", error: errorMessage(error) });
    }
  },

  refresh: async () => {
    const { workspaceId, load } = get();
    if (workspaceId) await load(workspaceId);
  },

  openDismiss: (finding) => set({ dismissing: finding }),
  closeDismiss: () => set({ dismissing: null }),

  dismiss: async (findingId, note) => {
    const dismissal = await call(keyward().findings.dismiss({ findingId, note }));
    const findings = get().findings.map((finding) => (finding.id === findingId ? { ...finding, dismissal } : finding));
    set({ findings, openByKey: openByKey(findings), dismissing: null });
  },

  restore: async (findingId) => {
    await call(keyward().findings.restore({ findingId }));
    const findings = get().findings.map((finding) => (finding.id === findingId ? { ...finding, dismissal: null } : finding));
    set({ findings, openByKey: openByKey(findings) });
  },
}));

// The findings follow the keys list and the preferences (thresholds, rotation policy): recomputed
// once, shortly after either changes.
let timer: ReturnType<typeof setTimeout> | null = null;
function recomputeSoon(): void {
  const { workspaceId, phase } = useKeysStore.getState();
  if (phase !== "ready" || !workspaceId) return;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void useFindingsStore.getState().load(workspaceId);
  }, RECOMPUTE_DELAY_MS);
}
useKeysStore.subscribe((state, previous) => {
  if (state.keys !== previous.keys) recomputeSoon();
});
useSettingsStore.subscribe((state, previous) => {
  if (previous.preferences && state.preferences !== previous.preferences) recomputeSoon();
});

/** The open findings of one key (an empty list when it has none). */
export function useKeyFindings(keyId: string): readonly Finding[] {
  return useFindingsStore((state) => state.openByKey.get(keyId) ?? EMPTY);
}
const EMPTY: readonly Finding[] = [];
