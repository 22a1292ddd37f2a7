/**
 * Syncs the open team vault when the window regains focus or becomes visible again: what teammates
 * saved meanwhile (through the synced folder) is merged in before the user acts on it. At most one
 * sync every few seconds, since focus and visibility often change together.
 */
import { useEffect } from "react";
import { useTeamStore } from "./team-store";

const MIN_INTERVAL_MS = 3_000;

export function useSyncOnFocus(open: boolean): void {
  useEffect(() => {
    if (!open) return undefined;
    const sync = () => {
      if (document.visibilityState !== "visible") return;
      const { syncing, lastSyncAt } = useTeamStore.getState();
      if (syncing || Date.now() - lastSyncAt < MIN_INTERVAL_MS) return;
      void useTeamStore.getState().sync(true);
    };
    window.addEventListener("focus", sync);
    document.addEventListener("visibilitychange", sync);
    return () => {
      window.removeEventListener("focus", sync);
      document.removeEventListener("visibilitychange", sync);
    };
  }, [open]);
}
