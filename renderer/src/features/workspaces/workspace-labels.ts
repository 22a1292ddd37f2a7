/** How a workspace's connection state reads in the UI. */
import type { WorkspaceState } from "../../../../shared/ipc/contract";

export const STATE_LABELS: Record<WorkspaceState["state"], string> = {
  starting: "Connecting",
  connected: "Connected",
  error: "Not connected",
  needs_vault: "Needs the vault",
};
