/**
 * The main screen: the current workspace's keys. Until the workspace is connected it shows why
 * (starting, unreachable, token refused, vault needed) with a way forward, and never an empty
 * table that would read as "this workspace has no keys".
 */
import { useDeferredValue, useEffect } from "react";
import { Alert } from "../../ui/Alert";
import { useToday } from "../../ui/clock";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { KeyIcon, PlusIcon } from "../../ui/icons";
import { Spinner } from "../../ui/Spinner";
import { RotationWizard } from "../rotation/RotationWizard";
import { useRotationDays } from "../settings/settings-store";
import { WorkspaceGate } from "../workspaces/WorkspaceGate";
import { useWorkspaceStore } from "../workspaces/workspace-store";
import { CreateKeyDialog } from "./create/CreateKeyDialog";
import { useCreateDialogStore } from "./create/create-dialog-store";
import { NO_FILTERS, useKeysStore } from "./keys-store";
import { KeysToolbar } from "./KeysToolbar";
import { RevokedNotice } from "./revoke/RevokedNotice";
import { RevokeKeyDialog } from "./revoke/RevokeKeyDialog";
import { KeysTable } from "./table/KeysTable";
import { useKeyTable } from "./table/useKeyTable";

const KEYS_REFRESH_MS = 60_000;

export function KeysScreen() {
  const workspace = useWorkspaceStore((state) => state.current);
  const connectedId = workspace?.state === "connected" ? (workspace.workspace?.id ?? null) : null;
  const load = useKeysStore((state) => state.load);

  // Each time a workspace becomes connected (first start, switch, reconnect), its keys are fetched.
  useEffect(() => {
    if (connectedId) void load(connectedId);
  }, [connectedId, load]);

  // "Last used" is only as fresh as the list: reload it every minute while the window is visible.
  useEffect(() => {
    if (!connectedId) return undefined;
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void load(connectedId);
    }, KEYS_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [connectedId, load]);

  return (
    <section className="screen keys-screen" aria-labelledby="keys-title">
      <header className="screen-header">
        <div>
          <h1 id="keys-title" className="screen-title">
            API keys
          </h1>
          <p className="screen-subtitle">One key per integration, with the narrowest scope it needs. Revoke at once when in doubt.</p>
        </div>
      </header>
      <WorkspaceGate>
        <KeysContent />
      </WorkspaceGate>
      <CreateKeyDialog />
      <RevokeKeyDialog />
      <RotationWizard />
    </section>
  );
}

function KeysContent() {
  const keys = useKeysStore((state) => state.keys);
  const phase = useKeysStore((state) => state.phase);
  const error = useKeysStore((state) => state.error);
  const filters = useKeysStore((state) => state.filters);
  const setFilters = useKeysStore((state) => state.setFilters);
  const refresh = useKeysStore((state) => state.refresh);
  const openCreate = useCreateDialogStore((state) => state.openDialog);
  // Typing stays responsive: the table filters with the deferred value while the input shows the latest.
  const deferredFilters = useDeferredValue(filters);
  const rotationDays = useRotationDays();
  const today = useToday();
  const table = useKeyTable(keys, deferredFilters, rotationDays, today);

  if (phase === "error" && keys.length === 0) {
    return (
      <Alert action={<Button onClick={() => void refresh()}>Retry</Button>}>
        <strong>The keys could not be loaded.</strong> {error}
      </Alert>
    );
  }
  if (phase === "loading" || phase === "idle") return <Spinner label="Loading keys…" />;
  if (keys.length === 0) {
    return (
      <EmptyState
        icon={<KeyIcon width={28} height={28} />}
        title="No API keys yet"
        action={
          <Button variant="primary" onClick={() => openCreate()}>
            <PlusIcon />
            Create API Key
          </Button>
        }
      >
        <p>Create a key for each integration that talks to this workspace: a dashboard, a CI pipeline, a Zapier flow.</p>
      </EmptyState>
    );
  }

  return (
    <div className="keys-content">
      {phase === "error" ? <Alert action={<Button onClick={() => void refresh()}>Retry</Button>}>The list could not be refreshed. {error}</Alert> : null}
      <RevokedNotice />
      <KeysToolbar total={keys.length} shown={table.getRowModel().rows.length} onCreate={() => openCreate()} />
      <KeysTable
        table={table}
        noMatches={
          <EmptyState title="No keys match these filters">
            <Button onClick={() => setFilters(NO_FILTERS)}>Clear filters</Button>
          </EmptyState>
        }
      />
    </div>
  );
}
