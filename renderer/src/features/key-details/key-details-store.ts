/** Which key the details view shows (null when closed), whether it opens on the edit form, and the key's recent audit events. */
import { create } from "zustand";
import type { AuditEvent } from "../../../../shared/api/schemas";
import { call, keyward } from "../../ipc/keyward";

type Events = { keyId: string; events: AuditEvent[] | null; error: string | null };

type KeyDetailsStore = {
  keyId: string | null;
  editing: boolean;
  /** Changes on every opening, so the view starts fresh. */
  session: number;
  events: Events | null;
  open: (keyId: string, options?: { editing?: boolean }) => void;
  setEditing: (editing: boolean) => void;
  close: () => void;
  loadEvents: (keyId: string) => Promise<void>;
};

export const useKeyDetailsStore = create<KeyDetailsStore>()((set, get) => ({
  keyId: null,
  editing: false,
  session: 0,
  events: null,
  open: (keyId, options = {}) => set({ keyId, editing: options.editing ?? false, session: get().session + 1 }),
  setEditing: (editing) => set({ editing }),
  close: () => set({ keyId: null, editing: false, events: null }),
  loadEvents: async (keyId) => {
    set({ events: { keyId, events: null, error: null } });
    try {
      const events = await call(keyward().keys.events({ id: keyId, limit: 50 }));
      if (get().keyId === keyId) set({ events: { keyId, events, error: null } });
    } catch (error) {
      if (get().keyId === keyId) set({ events: { keyId, events: null, error: error instanceof Error ? error.message : "The events could not be read." } });
    }
  },
}));
