/**
 * The current workspace named where keys change: page headers and every dialog that creates,
 * edits, rotates or revokes a key, so nobody changes production keys by mistake.
 */
import { useWorkspaceStore } from "./workspace-store";

export function WorkspaceName({ prefix = "Workspace" }: { prefix?: string }) {
  const workspace = useWorkspaceStore((state) => state.current?.workspace ?? null);
  if (!workspace) return null;
  return (
    <span className={`workspace-name${workspace.production ? " workspace-name-production" : ""}`}>
      {prefix}: <strong>{workspace.name}</strong>
      {workspace.production ? <span className="badge badge-production">Production</span> : null}
    </span>
  );
}

/** The coloured band across the top of the app while a production workspace is open. */
export function ProductionBand() {
  const workspace = useWorkspaceStore((state) => state.current?.workspace ?? null);
  if (!workspace?.production) return null;
  return (
    <div className="production-band" role="note">
      Production workspace: {workspace.name}. Changes here affect live integrations.
    </div>
  );
}
