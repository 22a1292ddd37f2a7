/**
 * Offline audit mode: an audit bundle file opened with no workspace and no network needed. It is
 * verified first (with progress); the verdict comes first, in plain words; then, when the file is
 * a readable bundle, its inventory with findings and its event timeline, and a review of it can
 * start (only when it verified: a review must rest on evidence that holds).
 */
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { Section } from "../../ui/Section";
import { useAuditViewStore } from "./audit-view-store";
import { useBundleStore } from "./bundle-store";
import { BundleInventory } from "./BundleInventory";
import { BundleTimeline } from "./BundleTimeline";
import { BundleVerdict } from "./BundleVerdict";
import { useReviewStore } from "./review-store";
import { TaskProgress } from "./TaskProgress";

export function BundleView() {
  const opened = useBundleStore((state) => state.opened);
  const opening = useBundleStore((state) => state.opening);
  const progress = useBundleStore((state) => state.progress);
  const open = useBundleStore((state) => state.open);
  const close = useBundleStore((state) => state.close);
  const startReview = useReviewStore((state) => state.start);
  const show = useAuditViewStore((state) => state.show);
  const action = useAsyncAction();

  if (opening) {
    return (
      <Section level={2} className="card" title="Opening the audit bundle">
        <TaskProgress progress={progress} starting="Reading the file…" label="Verifying the audit bundle" />
      </Section>
    );
  }
  if (!opened) {
    return (
      <EmptyState
        title="Open an audit bundle"
        action={
          <Button variant="primary" busy={action.busy} onClick={() => void action.run(open)}>
            Open audit bundle…
          </Button>
        }
      >
        <p>An audit bundle is a file a workspace signs: its keys and every audit event, chained. Keyward verifies it here, with no network: the signature and the whole chain first, then it shows the keys with their findings and the events.</p>
        {action.error ? <Alert>{action.error.message}</Alert> : null}
      </EmptyState>
    );
  }
  const content = opened.content;
  return (
    <div className="audit-view">
      <div className="audit-actions">
        {content && opened.verification.valid ? (
          <Button
            variant="primary"
            busy={action.busy}
            onClick={() =>
              void action.run(async () => {
                await startReview("bundle");
                show("reviews");
              })
            }
          >
            Start a review of this bundle
          </Button>
        ) : null}
        <Button busy={action.busy} onClick={() => void action.run(open)}>
          Open another bundle…
        </Button>
        <Button variant="ghost" onClick={() => void action.run(close)}>
          Close bundle
        </Button>
      </div>
      {action.error ? <Alert>{action.error.message}</Alert> : null}
      <BundleVerdict opened={opened} />
      {content ? (
        <>
          {!opened.verification.valid ? <Alert tone="warning">What follows is what the file says. It did not verify, so none of it can be trusted as the workspace's record.</Alert> : null}
          <BundleInventory keys={content.keys} findings={content.findings} generatedAt={content.generatedAt} />
          <BundleTimeline keys={content.keys} eventTypes={content.eventTypes} eventCount={content.eventCount} />
        </>
      ) : null}
    </div>
  );
}
