/** Loads what the shell shows at start and keeps it in step with the main process's events. */
import { useEffect } from "react";
import { useKeywardEvent } from "../ipc/events";
import { navigate } from "../navigation/route-store";
import { useClipboardStore } from "../features/clipboard";
import { useRevokeStore } from "../features/revoke";
import { useRotationStore } from "../features/rotation";
import { useSecretsStore } from "../features/secrets";
import { useSettingsStore } from "../features/settings";
import { useVaultStore } from "../features/vault";
import { useWorkspaceStore } from "../features/workspaces";

export function useAppEvents(): void {
  useEffect(() => {
    void useWorkspaceStore.getState().load();
    void useVaultStore.getState().loadStatus();
    void useClipboardStore.getState().load();
    // The rotation policy drives the keys table's "Rotation due" column, so it is needed before Settings is opened.
    void useSettingsStore.getState().load();
    // Unfinished rotations survive restarts: their rows show "Resume rotation" from the start.
    void useRotationStore.getState().load();
  }, []);

  useKeywardEvent("workspace.changed", (state) => {
    useWorkspaceStore.getState().setCurrent(state);
    // A new remote workspace may have been added or removed elsewhere in the app: keep the list fresh.
    void useWorkspaceStore.getState().load();
    // Rotations belong to a workspace: the list answers the connected one's.
    void useRotationStore.getState().load();
  });
  useKeywardEvent("vault.changed", (change) => useVaultStore.getState().applyChange(change));
  useKeywardEvent("clipboard.changed", ({ clearsAt }) => useClipboardStore.getState().setClearsAt(clearsAt));
  useKeywardEvent("rotation.changed", (rotations) => useRotationStore.getState().setRotations(rotations));
  useKeywardEvent("secrets.dropped", (dropped) => useSecretsStore.getState().markDropped(dropped));
  // A click on a "rotation due" reminder: the keys screen, with the rotate wizard of that key (it
  // resumes the key's rotation if one is in progress).
  useKeywardEvent("reminder.clicked", ({ keyId }) => {
    useRevokeStore.getState().close();
    navigate("keys");
    useRotationStore.getState().openWizard(keyId, "rotate");
  });
}
