/*
 * The team vault as the renderer may know it: the identity's public card, the open vault's members
 * and entries (labels, metadata, link status; never a secret), recent vaults, merge reports not yet
 * dismissed, and the exposure list on show. Every call to the main process about the team vault
 * is an action here.
 * Protects against: secrets kept in the renderer (a typed secret or passphrase passes through an
 * action to the main process and is not stored; copies happen in the main process by entry id).
 * Does not protect against: the form field that holds a secret while it is typed.
 */
import { create } from "zustand";
import type { z } from "zod";
import type {
  AddEntryInput,
  CardPreview,
  EnvImportView,
  ExportInput,
  ExposureReport,
  ImportInput,
  ImportResult,
  ImportTarget,
  MergeReportView,
  TeamChangeView,
  TeamOutcome,
  TeamState,
} from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";
import { errorMessage } from "../../ipc/errors";
import { useClipboardStore } from "../clipboard";

/** A merge report worth telling: it changed something, kept two versions, refused a change, or could not read a copy. */
export function mergeWorthTelling(report: MergeReportView): boolean {
  return report.conflicts.length + report.refused.length + report.unreadable.length + report.membersAdded.length + report.membersRemoved.length > 0;
}

type TeamStore = {
  state: TeamState | null;
  loadError: string | null;
  /** Merge reports with conflicts or refusals, kept until the user dismisses them. */
  merges: MergeReportView[];
  /** The exposure list on show (after a removal, or a former member's). */
  exposure: ExposureReport | null;
  syncing: boolean;
  lastSyncAt: number;
  load: () => Promise<void>;
  createIdentity: (name: string) => Promise<void>;
  create: (name: string) => Promise<TeamOutcome>;
  open: (path?: string) => Promise<TeamOutcome>;
  close: () => Promise<void>;
  forget: (path: string) => Promise<void>;
  /** Brings in what others saved; quiet (no error thrown) when it runs on its own, on focus. */
  sync: (quiet?: boolean) => Promise<void>;
  dismissMerges: () => void;
  addEntry: (input: AddEntryInput) => Promise<void>;
  removeEntries: (ids: string[]) => Promise<void>;
  copySecret: (entryId: string) => Promise<void>;
  copyCard: () => Promise<void>;
  readCard: (card: string) => Promise<CardPreview>;
  addMember: (card: string) => Promise<void>;
  removeMember: (memberId: string) => Promise<ExposureReport>;
  showExposure: (memberId: string) => Promise<void>;
  refreshExposure: () => Promise<void>;
  hideExposure: () => void;
  history: () => Promise<TeamChangeView[]>;
  envChooseFile: (target: ImportTarget) => Promise<EnvImportView>;
  envSetTarget: (target: ImportTarget) => Promise<EnvImportView>;
  envWrite: (refs: string[]) => Promise<{ added: number; target: ImportTarget }>;
  envDiscard: () => Promise<void>;
  exportVault: (input: z.input<typeof ExportInput>) => Promise<{ path: string | null; entries: number }>;
  importVault: (input: z.input<typeof ImportInput>) => Promise<ImportResult>;
};

export const useTeamStore = create<TeamStore>()((set, get) => {
  // The merge reports already told (shown, or dismissed): a state that repeats one does not bring it back.
  const told = new Set<string>();
  /** Takes a new state, keeping its merge report for the user if it says something new. */
  const adopt = (state: TeamState) => {
    const report = state.vault?.lastMerge;
    const fresh = report && !told.has(report.at) && mergeWorthTelling(report) ? report : null;
    if (report) told.add(report.at);
    set({ state, loadError: null, ...(fresh ? { merges: [...get().merges, fresh] } : {}) });
    if (!state.vault) set({ exposure: null, merges: [] });
  };
  const outcome = async (pending: Promise<TeamOutcome>) => {
    const previous = get().state?.vault?.vaultId;
    const result = await pending;
    // Another vault: what was shown about the previous one goes.
    if (!result.cancelled && result.state.vault?.vaultId !== previous) set({ exposure: null, merges: [] });
    adopt(result.state);
    return result;
  };

  return {
    state: null,
    loadError: null,
    merges: [],
    exposure: null,
    syncing: false,
    lastSyncAt: 0,

    load: async () => {
      try {
        adopt(await call(keyward().team.state(undefined)));
      } catch (error) {
        set({ loadError: errorMessage(error) });
      }
    },
    createIdentity: async (name) => adopt(await call(keyward().team.createIdentity({ name }))),
    create: (name) => outcome(call(keyward().team.create({ name }))),
    open: (path) => outcome(call(keyward().team.open(path ? { path } : {}))),
    close: async () => adopt(await call(keyward().team.close(undefined))),
    forget: async (path) => adopt(await call(keyward().team.forget({ path }))),

    sync: async (quiet = false) => {
      if (get().syncing) return;
      set({ syncing: true });
      try {
        adopt(await call(keyward().team.sync(undefined)));
      } catch (error) {
        // A vault this member was removed from is closed by the main process: the state says why.
        await get().load();
        if (!quiet) throw error;
      } finally {
        set({ syncing: false, lastSyncAt: Date.now() });
      }
    },
    dismissMerges: () => set({ merges: [] }),

    addEntry: async (input) => adopt(await call(keyward().team.addEntry(input))),
    removeEntries: async (ids) => adopt(await call(keyward().team.removeEntries({ ids }))),
    copySecret: async (entryId) => useClipboardStore.getState().setClearsAt((await call(keyward().team.copySecret({ entryId }))).clearsAt),
    copyCard: async () => useClipboardStore.getState().setClearsAt((await call(keyward().team.copyCard(undefined))).clearsAt),

    readCard: (card) => call(keyward().team.readCard({ card })),
    addMember: async (card) => adopt(await call(keyward().team.addMember({ card }))),
    removeMember: async (memberId) => {
      const { state, exposure } = await call(keyward().team.removeMember({ memberId }));
      adopt(state);
      set({ exposure });
      return exposure;
    },
    showExposure: async (memberId) => set({ exposure: await call(keyward().team.exposure({ memberId })) }),
    refreshExposure: async () => {
      const shown = get().exposure;
      if (!shown) return;
      try {
        const exposure = await call(keyward().team.exposure({ memberId: shown.member.id }));
        if (get().exposure?.member.id === shown.member.id) set({ exposure });
      } catch {
        // The list stays as it was; the next refresh (or reopening it) brings the statuses.
      }
    },
    hideExposure: () => set({ exposure: null }),
    history: () => call(keyward().team.history(undefined)),

    envChooseFile: (target) => call(keyward().team.envChooseFile({ target })),
    envSetTarget: (target) => call(keyward().team.envSetTarget({ target })),
    envWrite: async (refs) => {
      const { added, target, state } = await call(keyward().team.envWrite({ refs }));
      adopt(state);
      return { added, target };
    },
    envDiscard: async () => {
      await call(keyward().team.envDiscard(undefined)).catch(() => null);
    },

    exportVault: (input) => call(keyward().team.exportVault(input)),
    importVault: async (input) => {
      const result = await call(keyward().team.importVault(input));
      adopt(result.state);
      return result;
    },
  };
});
