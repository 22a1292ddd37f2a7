/**
 * Shows its children only when the current workspace is connected; otherwise says why not, in the
 * main process's words, with the one action that helps (retry, or open the vault).
 */
import type { ReactNode } from "react";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { AlertIcon, LockIcon } from "../../ui/icons";
import { Spinner } from "../../ui/Spinner";
import { navigate } from "../../navigation/route-store";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useWorkspaceStore } from "./workspace-store";

export function WorkspaceGate({ children }: { children: ReactNode }) {
  const current = useWorkspaceStore((state) => state.current);
  const loadError = useWorkspaceStore((state) => state.loadError);
  const load = useWorkspaceStore((state) => state.load);

  if (loadError && !current) {
    return (
      <Alert action={<Button onClick={() => void load()}>Retry</Button>}>
        <strong>Keyward could not read its workspaces.</strong> {loadError}
      </Alert>
    );
  }
  if (!current || current.state === "starting") {
    const local = !current?.workspace || current.workspace.kind === "local";
    return (
      <div className="workspace-starting">
        <Spinner label={local ? "Starting your local workspace…" : `Connecting to ${current?.workspace?.name ?? "the workspace"}…`} />
        {local ? <p className="muted">The first start takes a few seconds: Keyward sets up a workspace on this computer, no account needed.</p> : null}
      </div>
    );
  }
  if (current.state === "needs_vault") {
    return (
      <EmptyState icon={<LockIcon width={28} height={28} />} title="This workspace needs the vault" action={<Button variant="primary" onClick={() => navigate("vault")}>Open the vault</Button>}>
        <p>{current.message ?? `The admin token for ${current.workspace?.name ?? "this workspace"} is kept in the vault. Unlock it to connect.`}</p>
      </EmptyState>
    );
  }
  if (current.state === "error") return <WorkspaceError message={current.message} workspaceId={current.workspace?.id ?? null} name={current.workspace?.name ?? null} />;
  return <>{children}</>;
}

function WorkspaceError({ message, workspaceId, name }: { message: string | null; workspaceId: string | null; name: string | null }) {
  const switchTo = useWorkspaceStore((state) => state.switchTo);
  const retrying = useAsyncAction();
  // Switching to the same workspace reconnects it: the contract has no separate "reconnect".
  const retry = () => (workspaceId ? void retrying.run(() => switchTo(workspaceId)) : undefined);

  return (
    <EmptyState
      tone="error"
      icon={<AlertIcon width={26} height={26} />}
      title={name ? `Keyward could not connect to ${name}` : "Keyward could not connect to the workspace"}
      action={
        workspaceId ? (
          <Button variant="primary" busy={retrying.busy} onClick={retry}>
            Retry
          </Button>
        ) : null
      }
    >
      <p role="alert">{retrying.error?.message ?? message ?? "The workspace did not answer."}</p>
      <p>Check the server and the admin token, or switch to another workspace from the menu at the top.</p>
    </EmptyState>
  );
}
