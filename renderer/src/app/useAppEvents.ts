/** Loads what the shell shows at start and keeps it in step with the main process's events. */
import { useEffect } from "react";
import { useKeywardEvent } from "../ipc/events";
import { useClipboardStore } from "../features/clipboard/clipboard-store";
import { useVaultStore } from "../features/vault/vault-store";
import { useWorkspaceStore } from "../features/workspaces/workspace-store";

export function useAppEvents(): void {
  useEffect(() => {
    void useWorkspaceStore.getState().load();
    void useVaultStore.getState().loadStatus();
    void useClipboardStore.getState().load();
  }, []);

  useKeywardEvent("workspace.changed", (state) => {
    useWorkspaceStore.getState().setCurrent(state);
    // A new remote workspace may have been added or removed elsewhere in the app: keep the list fresh.
    void useWorkspaceStore.getState().load();
  });
  useKeywardEvent("vault.changed", (change) => useVaultStore.getState().applyChange(change));
  useKeywardEvent("clipboard.changed", ({ clearsAt }) => useClipboardStore.getState().setClearsAt(clearsAt));
}
