/**
 * The Leak scan screen: choose a folder, scan it (and its git history) with progress and cancel,
 * then act on what was found: revoke an active key of this workspace in one click, export the
 * results. It listens to the scan's events while open, and catches up when opened mid-scan.
 */
import { useEffect } from "react";
import { useKeywardEvent } from "../../ipc/events";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ScreenHeader } from "../../ui/ScreenHeader";
import { useConnectedWorkspace } from "../workspaces";
import { ScanProgressPanel } from "./ScanProgressPanel";
import { ScanResults } from "./ScanResults";
import { ScanSetup } from "./ScanSetup";
import { useScanStore } from "./scan-store";
import "../../styles/scan.css";

export function ScanScreen() {
  const running = useScanStore((state) => state.running);
  const report = useScanStore((state) => state.report);
  const ending = useScanStore((state) => state.ending);
  const loadError = useScanStore((state) => state.loadError);
  const load = useScanStore((state) => state.load);
  const workspace = useConnectedWorkspace();

  useEffect(() => {
    void load();
  }, [load]);
  useKeywardEvent("scan.progress", (event) => useScanStore.getState().progressed(event));
  useKeywardEvent("scan.finished", (event) => useScanStore.getState().finished(event));

  return (
    <section className="screen scan-screen" aria-labelledby="scan-title">
      <ScreenHeader
        id="scan-title"
        title="Leak scan"
        subtitle={`Find keys written in source code and its git history${workspace ? `, and revoke those that still work in ${workspace.name}` : ""}. Only fingerprints (SHA-256) of what is found leave this computer.`}
      />
      {loadError ? <Alert action={<Button onClick={() => void load()}>Retry</Button>}>{loadError}</Alert> : null}
      <ScanSetup busy={running !== null} />
      {running ? <ScanProgressPanel run={running} workspaceName={workspace?.name ?? null} /> : null}
      {!running && ending ? (
        <Alert tone={ending.outcome === "cancelled" ? "info" : "error"}>
          {ending.outcome === "cancelled" ? `The scan of ${ending.folder.name} was cancelled. Nothing from it is kept.` : ending.message}
        </Alert>
      ) : null}
      {report && !running ? <ScanResults report={report} /> : null}
    </section>
  );
}
