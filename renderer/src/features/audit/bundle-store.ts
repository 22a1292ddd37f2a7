/**
 * Audit bundles: the one opened offline (verified first in the main process, then its inventory,
 * findings and a timeline of its events, filtered and paged), with the progress of opening it;
 * and saving the connected workspace's bundle to a file for an officer. Never a secret: a bundle
 * holds hashes, ids, names and display forms.
 */
import { create } from "zustand";
import type { AuditEvent } from "../../../../shared/api/schemas";
import type { BundleVerificationView, EventPayload, OpenedBundleView } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";
import { dayBound } from "./audit-text";

export type TimelineFilters = { keyId: string; type: string; from: string; to: string };
export const NO_TIMELINE_FILTERS: TimelineFilters = { keyId: "", type: "", from: "", to: "" };

type BundleStore = {
  opened: OpenedBundleView | null;
  opening: boolean;
  progress: EventPayload<"audit.progress"> | null;
  filters: TimelineFilters;
  events: AuditEvent[];
  next: number | null;
  timelineError: string | null;
  saving: boolean;
  saveProgress: EventPayload<"audit.progress"> | null;
  load: () => Promise<void>;
  /** Asks for a file and opens it; false when the dialog was cancelled. */
  open: () => Promise<boolean>;
  close: () => Promise<void>;
  setFilters: (change: Partial<TimelineFilters>) => void;
  loadEvents: (older?: boolean) => Promise<void>;
  /** Saves the connected workspace's bundle where the user chooses; null when cancelled. */
  saveWorkspaceBundle: () => Promise<{ path: string; verification: BundleVerificationView | null } | null>;
  progressed: (event: EventPayload<"audit.progress">) => void;
};

let generation = 0;

export const useBundleStore = create<BundleStore>()((set, get) => ({
  opened: null,
  opening: false,
  progress: null,
  filters: NO_TIMELINE_FILTERS,
  events: [],
  next: null,
  timelineError: null,
  saving: false,
  saveProgress: null,

  load: async () => {
    const opened = await call(keyward().audit.bundle(undefined));
    if (opened?.sha256 !== get().opened?.sha256 || opened?.openedAt !== get().opened?.openedAt) {
      set({ opened, filters: NO_TIMELINE_FILTERS, events: [], next: null });
      if (opened?.content) await get().loadEvents();
    }
  },

  open: async () => {
    set({ opening: true, progress: null });
    try {
      const opened = await call(keyward().audit.openBundle(undefined));
      if (!opened) return false;
      set({ opened, filters: NO_TIMELINE_FILTERS, events: [], next: null, timelineError: null });
      if (opened.content) await get().loadEvents();
      return true;
    } finally {
      set({ opening: false, progress: null });
    }
  },

  close: async () => {
    await call(keyward().audit.closeBundle(undefined));
    set({ opened: null, events: [], next: null, filters: NO_TIMELINE_FILTERS });
  },

  setFilters: (change) => {
    set({ filters: { ...get().filters, ...change } });
    void get().loadEvents();
  },

  loadEvents: async (older = false) => {
    const { filters, next } = get();
    if (older && next === null) return;
    const mine = older ? generation : ++generation;
    try {
      const page = await call(
        keyward().audit.bundleEvents({
          ...(filters.keyId ? { keyId: filters.keyId } : {}),
          ...(filters.type ? { type: filters.type } : {}),
          ...(dayBound(filters.from, false) ? { since: dayBound(filters.from, false) } : {}),
          ...(dayBound(filters.to, true) ? { until: dayBound(filters.to, true) } : {}),
          ...(older && next !== null ? { before: next } : {}),
          limit: 100,
        }),
      );
      if (mine === generation) set({ events: older ? [...get().events, ...page.events] : page.events, next: page.next, timelineError: null });
    } catch (error) {
      if (mine === generation) set({ timelineError: errorMessage(error) });
    }
  },

  saveWorkspaceBundle: async () => {
    set({ saving: true, saveProgress: null });
    try {
      const saved = await call(keyward().audit.saveBundle(undefined));
      return saved.path ? { path: saved.path, verification: saved.verification } : null;
    } finally {
      set({ saving: false, saveProgress: null });
    }
  },

  progressed: (event) => {
    if (event.task === "open_bundle" && get().opening) set({ progress: event });
    if (event.task === "save_bundle" && get().saving) set({ saveProgress: event });
  },
}));
