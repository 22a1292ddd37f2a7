/** Workspaces: which one is open, switching, adding, and its name wherever keys change. */
export { ManageWorkspaces } from "./ManageWorkspaces";
export { WorkspaceGate } from "./WorkspaceGate";
export { ProductionBand, WorkspaceName } from "./WorkspaceName";
export { WorkspaceSwitcher } from "./WorkspaceSwitcher";
export { useConnectedWorkspace, useWorkspaceStore } from "./workspace-store";
