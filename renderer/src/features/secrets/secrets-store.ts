/**
 * New keys' secrets, as the renderer may touch them: by handle only. `reveal` asks the main process
 * for a secret when the user clicks "Show" (the answer goes straight to the component that shows
 * it, never into this store); `finish` closes a reveal, keeping the secret in the vault if asked.
 * The store remembers which handles the main process dropped (their time ran out, the vault
 * locked), so an open dialog can say so.
 * Protects against: a secret lingering in renderer state (this store never holds one). Does not
 * protect against: the component that asked for it, which shows it until its dialog closes.
 */
import { create } from "zustand";
import type { EventPayload } from "../../../../shared/ipc/contract";
import { call, keyward } from "../../ipc/keyward";

export type DropReason = EventPayload<"secrets.dropped">["reason"];

type SecretsStore = {
  dropped: ReadonlyMap<string, DropReason>;
  reveal: (handle: string) => Promise<string>;
  finish: (handle: string, keepInVault: boolean) => Promise<{ storedInVault: boolean }>;
  markDropped: (payload: EventPayload<"secrets.dropped">) => void;
};

export const useSecretsStore = create<SecretsStore>()((set, get) => ({
  dropped: new Map(),
  reveal: async (handle) => (await call(keyward().secrets.reveal({ handle }))).secret,
  finish: (handle, keepInVault) => call(keyward().keys.finishReveal({ handle, keepInVault })),
  markDropped: ({ handles, reason }) => {
    const next = new Map(get().dropped);
    for (const handle of handles) next.set(handle, reason);
    set({ dropped: next });
  },
}));

/** Why the main process no longer holds this handle's secret, or null while it does. */
export function useDropReason(handle: string | null | undefined): DropReason | null {
  return useSecretsStore((state) => (handle ? (state.dropped.get(handle) ?? null) : null));
}
