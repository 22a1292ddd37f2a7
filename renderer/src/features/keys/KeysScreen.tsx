/**
 * The main screen: the current workspace's keys. Until the workspace is connected it shows why
 * (starting, unreachable, token refused, vault needed) with a way forward, and never an empty
 * table that would read as "this workspace has no keys". The dialogs it opens are the shell's
 * (app/KeyDialogs), shared with every screen.
 */
import { useDeferredValue, useEffect, useMemo } from "react";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { useToday } from "../../ui/clock";
import { EmptyState } from "../../ui/EmptyState";
import { ScreenHeader } from "../../ui/ScreenHeader";
import { KeyIcon, PlusIcon } from "../../ui/icons";
import { Spinner } from "../../ui/Spinner";
import { useCreateKeyStore } from "../create-key";
import { useKeysStore } from "../inventory";
import { RevokedNotice } from "../revoke";
import { useRotationDays } from "../settings";
import { WorkspaceGate, WorkspaceName, useConnectedWorkspace } from "../workspaces";
import { KeysToolbar } from "./KeysToolbar";
import { SelectionBar } from "./SelectionBar";
import { KeysTable } from "./table/KeysTable";
import { useKeyTable } from "./table/useKeyTable";
import { useTableStore } from "./table-store";

export function KeysScreen() {
  const connectedId = useConnectedWorkspace()?.id ?? null;

  // Another workspace (first start, switch, reconnect): the previous one's selection is dropped.
  // The keys themselves are loaded by the shell, for every screen.
  useEffect(() => {
    useTableStore.getState().clearSelection();
  }, [connectedId]);

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
      <KeysToolbar total={keys.length} shown={table.getRowModel().rows.length} retired={retired} onCreate={() => openCreate()} />
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
