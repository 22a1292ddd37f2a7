/**
 * The main screen: the current workspace's keys. Until the workspace is connected it shows why
 * (starting, unreachable, token refused, vault needed) with a way forward, and never an empty
 * table that would read as "this workspace has no keys".
 */
import { useDeferredValue, useEffect, useMemo } from "react";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { useToday } from "../../ui/clock";
import { EmptyState } from "../../ui/EmptyState";
import { ScreenHeader } from "../../ui/ScreenHeader";
import { KeyIcon, PlusIcon } from "../../ui/icons";
import { Spinner } from "../../ui/Spinner";
import { CreateKeyDialog, useCreateKeyStore } from "../create-key";
import { useKeysStore } from "../inventory";
import { KeyDetailsDialog } from "../key-details";
import { RevokedNotice, RevokeDialog } from "../revoke";
import { RotationWizard } from "../rotation";
import { useRotationDays } from "../settings";
import { WorkspaceGate, WorkspaceName, useConnectedWorkspace } from "../workspaces";
import { KeysToolbar } from "./KeysToolbar";
import { SelectionBar } from "./SelectionBar";
import { KeysTable } from "./table/KeysTable";
import { useKeyTable } from "./table/useKeyTable";
import { useTableStore } from "./table-store";

const KEYS_REFRESH_MS = 60_000;

export function KeysScreen() {
  const connectedId = useConnectedWorkspace()?.id ?? null;
  const load = useKeysStore((state) => state.load);
  const createOpen = useCreateKeyStore((state) => state.open);

  // Each time a workspace becomes connected (first start, switch, reconnect), its keys are fetched
  // and the selection of the previous one is dropped.
  useEffect(() => {
    useTableStore.getState().clearSelection();
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
      <ScreenHeader
        id="keys-title"
        title="API keys"
        subtitle={
          <>
            <WorkspaceName /> · One key per integration, with the narrowest scope it needs. Revoke at once when in doubt.
          </>
        }
      />
      <WorkspaceGate>
        <KeysContent />
      </WorkspaceGate>
      <CreateKeyDialog />
      <RevokeDialog />
      <KeyDetailsDialog />
      <RotationWizard blocked={createOpen} />
    </section>
  );
}

function KeysContent() {
  const keys = useKeysStore((state) => state.keys);
  const phase = useKeysStore((state) => state.phase);
  const error = useKeysStore((state) => state.error);
  const refresh = useKeysStore((state) => state.refresh);
  const filters = useTableStore((state) => state.filters);
  const resetFilters = useTableStore((state) => state.resetFilters);
  const openCreate = useCreateKeyStore((state) => state.openDialog);
  // Typing stays responsive: the table filters with the deferred value while the input shows the latest.
  const deferredFilters = useDeferredValue(filters);
  const rotationDays = useRotationDays();
  const today = useToday();
  const table = useKeyTable(keys, deferredFilters, rotationDays, today);
  const retired = useMemo(() => keys.filter((key) => key.status !== "active").length, [keys]);

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
      <KeysToolbar total={keys.length} retired={retired} onCreate={() => openCreate()} />
      <SelectionBar />
      <KeysTable
        table={table}
        noMatches={
          <EmptyState title="No keys match these filters">
            <Button onClick={resetFilters}>Clear filters</Button>
          </EmptyState>
        }
      />
    </div>
  );
}
