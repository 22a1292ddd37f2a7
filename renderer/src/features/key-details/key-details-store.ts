/** Which key the details view shows (null when closed), whether it opens on the edit form, the key's recent audit events and its usage. */
import { create } from "zustand";
import type { AuditEvent, KeyUsage } from "../../../../shared/api/schemas";
import { call, keyward } from "../../ipc/keyward";

type Events = { keyId: string; events: AuditEvent[] | null; error: string | null };
/** `days`: the window asked for; `usage` covers `usageDays` days ending at `at` (the previous window's, until the new one arrives). */
type Usage = { keyId: string; days: number; usage: KeyUsage | null; usageDays: number; at: number; error: string | null };

type KeyDetailsStore = {
  keyId: string | null;
  editing: boolean;
  /** Changes on every opening, so the view starts fresh. */
  session: number;
  events: Events | null;
  usage: Usage | null;
  open: (keyId: string, options?: { editing?: boolean }) => void;
  setEditing: (editing: boolean) => void;
  close: () => void;
  loadEvents: (keyId: string) => Promise<void>;
  /** The key's daily usage over `days` UTC days, its clients and refusals (kept on screen while a new window loads). */
  loadUsage: (keyId: string, days: number) => Promise<void>;
};

export const useKeyDetailsStore = create<KeyDetailsStore>()((set, get) => ({
  keyId: null,
  editing: false,
  session: 0,
  events: null,
  usage: null,
  open: (keyId, options = {}) => set({ keyId, editing: options.editing ?? false, session: get().session + 1 }),
  setEditing: (editing) => set({ editing }),
  close: () => set({ keyId: null, editing: false, events: null, usage: null }),
  loadEvents: async (keyId) => {
    set({ events: { keyId, events: null, error: null } });
    try {
      const events = await call(keyward().keys.events({ id: keyId, limit: 50 }));
      if (get().keyId === keyId) set({ events: { keyId, events, error: null } });
    } catch (error) {
      if (get().keyId === keyId) set({ events: { keyId, events: null, error: error instanceof Error ? error.message : "The events could not be read." } });
    }
  },

  loadUsage: async (keyId, days) => {
    const previous = get().usage;
    const kept = previous?.keyId === keyId ? { usage: previous.usage, usageDays: previous.usageDays, at: previous.at } : { usage: null, usageDays: days, at: Date.now() };
    set({ usage: { keyId, days, ...kept, error: null } });
    try {
      const usage = await call(keyward().keys.usage({ id: keyId, days }));
      if (get().keyId === keyId && get().usage?.days === days) set({ usage: { keyId, days, usage, usageDays: days, at: Date.now(), error: null } });
    } catch (error) {
      if (get().keyId === keyId && get().usage?.days === days) set({ usage: { keyId, days, usage: null, usageDays: days, at: Date.now(), error: error instanceof Error ? error.message : "The usage could not be read." } });
    }
  },
}));
