/**
 * The Audit screen: the connected workspace's audit log (with both chains' verification), an audit
 * bundle opened offline, and quarterly reviews. It works with no workspace connected and no network:
 * a bundle is verified and reviewed on this computer alone.
 */
import { useEffect } from "react";
import { useKeywardEvent } from "../../ipc/events";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ScreenHeader } from "../../ui/ScreenHeader";
import { Tabs } from "../../ui/Tabs";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useConnectedWorkspace } from "../workspaces";
import { useAuditLogStore } from "./audit-log-store";
import { AuditLogView } from "./AuditLogView";
import { useAuditViewStore, type AuditView } from "./audit-view-store";
import { BundleView } from "./BundleView";
import { useBundleStore } from "./bundle-store";
import { ReviewsView } from "./ReviewsView";
import { SaveBundleButton } from "./SaveBundleButton";
import "../../styles/audit.css";

export function AuditScreen() {
  const workspace = useConnectedWorkspace();
  const chosen = useAuditViewStore((state) => state.view);
  const show = useAuditViewStore((state) => state.show);
  const openBundle = useBundleStore((state) => state.open);
  const opening = useBundleStore((state) => state.opening);
  const opened = useBundleStore((state) => state.opened);
  const action = useAsyncAction();
  const view: AuditView = chosen ?? (workspace ? "log" : "bundle");

  useEffect(() => {
    void useBundleStore.getState().load().catch(() => undefined);
  }, []);
  useKeywardEvent("audit.progress", (event) => {
    useAuditLogStore.getState().progressed(event);
    useBundleStore.getState().progressed(event);
  });

  const open = () =>
    void action.run(async () => {
      show("bundle");
      await openBundle();
    });

  return (
    <section className="screen audit-screen" aria-labelledby="audit-title">
      <ScreenHeader
        id="audit-title"
        title="Audit"
        subtitle="The audit log and its verification, audit bundles verified offline, and quarterly reviews of every active key."
        actions={
          <div className="audit-header-actions">
            {workspace ? <SaveBundleButton workspaceName={workspace.name} /> : null}
            <Button variant="primary" busy={opening} onClick={open}>
              Open audit bundle…
            </Button>
          </div>
        }
      />
      {action.error ? <Alert>{action.error.message}</Alert> : null}
      <Tabs
        label="Audit"
        value={view}
        onChange={show}
        tabs={[
          { value: "log", label: "Audit log", panel: <AuditLogView workspace={workspace} /> },
          { value: "bundle", label: `Audit bundle${opened ? `: ${opened.verification.valid ? "valid" : "not valid"}` : ""}`, panel: <BundleView /> },
          { value: "reviews", label: "Reviews", panel: <ReviewsView workspace={workspace} /> },
        ]}
      />
    </section>
  );
}
