/**
 * The Scan page's state: the folder chosen and the options, the running scan's progress, and the
 * last results (display forms and places, never a secret: the contract has none), with every call
 * the page makes. The scan runs in the main process, so leaving the page never stops it: `load`
 * catches up with it when the page opens again.
 */
import { create } from "zustand";
import type { ScanExportFormat, ScanFolder, ScanProgress, ScanReport, ScanRun } from "../../../../shared/ipc/contract";
import type { EventPayload } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";

/** How the last scan ended when it gave no results: cancelled, or failed with why. */
export type ScanEnding = { outcome: "cancelled" | "failed"; message: string; folder: ScanFolder } | null;

type ScanStore = {
  folder: ScanFolder | null;
  history: boolean;
  noIgnore: boolean;
  recent: ScanFolder[];
  running: ScanRun | null;
  report: ScanReport | null;
  ending: ScanEnding;
  loadError: string | null;
  load: () => Promise<void>;
  setOptions: (options: { history?: boolean; noIgnore?: boolean }) => void;
  /** Opens the platform's folder dialog; false when the user cancelled it. */
  chooseFolder: () => Promise<boolean>;
  pickRecent: (folder: ScanFolder) => void;
  start: () => Promise<void>;
  cancel: () => Promise<void>;
  exportReport: (format: ScanExportFormat) => Promise<string | null>;
  progressed: (event: EventPayload<"scan.progress">) => void;
  finished: (event: EventPayload<"scan.finished">) => void;
};

/** Scans that ended: an end heard before `start` answered must not leave the page showing it as running. */
const ended = new Set<string>();

export const useScanStore = create<ScanStore>()((set, get) => ({
  folder: null,
  history: false,
  noIgnore: false,
  recent: [],
  running: null,
  report: null,
  ending: null,
  loadError: null,

  load: async () => {
    try {
      const status = await call(keyward().scan.status(undefined));
      set({ running: status.running, recent: status.recent, loadError: null, ...(status.last ? { report: status.last } : {}) });
      // A scan that ended while the page was closed: its folder and options stay chosen.
      if (!get().folder) {
        const latest = status.running ?? status.last;
        if (latest) set({ folder: latest.folder, history: latest.history, noIgnore: latest.noIgnore });
      }
    } catch (error) {
      set({ loadError: errorMessage(error) });
    }
  },

  setOptions: (options) => set(options),

  chooseFolder: async () => {
    const folder = await call(keyward().scan.chooseFolder(undefined));
    if (!folder) return false;
    // History is offered for a repository only, and then chosen by default: leaks hide there.
    set({ folder, history: folder.repository !== null, noIgnore: false });
    return true;
  },

  pickRecent: (folder) => set({ folder, history: folder.repository !== null, noIgnore: false }),

  start: async () => {
    const { folder, history, noIgnore } = get();
    if (!folder) return;
    const run = await call(keyward().scan.start({ folder: folder.path, history: history && folder.repository !== null, noIgnore: noIgnore && folder.repository !== null }));
    if (!ended.has(run.id)) set({ running: run, ending: null });
  },

  cancel: async () => {
    await call(keyward().scan.cancel(undefined));
  },

  exportReport: async (format) => (await call(keyward().scan.export({ format }))).path,

  progressed: (event) => {
    const running = get().running;
    if (!running || running.id !== event.id) return;
    const progress: ScanProgress = { phase: event.phase, files: event.files, bytes: event.bytes, finds: event.finds };
    set({ running: { ...running, progress } });
  },

  finished: (event) => {
    ended.add(event.id);
    const running = get().running;
    if (event.outcome === "done" && event.report) {
      const folder = event.report.folder;
      set({ running: null, report: event.report, ending: null, recent: [folder, ...get().recent.filter((recent) => recent.path !== folder.path)].slice(0, 5) });
      return;
    }
    if (running && running.id !== event.id) return;
    const folder = running?.folder ?? get().folder;
    if (!folder) return;
    set({ running: null, ending: { outcome: event.outcome === "cancelled" ? "cancelled" : "failed", message: event.message ?? "The scan stopped.", folder } });
  },
}));
