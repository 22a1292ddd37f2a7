/**
 * Quarterly reviews: start one (of the connected workspace's active keys now, or of the opened
 * bundle's), and every review kept, newest first, to resume or read. An open review replaces the list.
 */
import { useEffect } from "react";
import type { ReviewSummary, WorkspaceSummary } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { Section } from "../../ui/Section";
import { formatEventTime } from "./audit-text";
import { useBundleStore } from "./bundle-store";
import { useReviewStore } from "./review-store";
import { ReviewView } from "./ReviewView";

export function ReviewsView({ workspace }: { workspace: WorkspaceSummary | null }) {
  const review = useReviewStore((state) => state.review);
  const reviews = useReviewStore((state) => state.reviews);
  const listError = useReviewStore((state) => state.listError);
  const loadList = useReviewStore((state) => state.loadList);
  const start = useReviewStore((state) => state.start);
  const openReview = useReviewStore((state) => state.open);
  const bundle = useBundleStore((state) => state.opened);
  const action = useAsyncAction();

  useEffect(() => {
    void loadList();
  }, [loadList]);

  if (review) return <ReviewView review={review} workspace={workspace} />;
  const reviewableBundle = bundle?.content && bundle.verification.valid ? bundle : null;

  return (
    <div className="audit-view">
      <Section level={2} className="card" title="Start a review">
        <p className="muted">Every active key with its findings; record a decision per key (keep, rotate, rescope or revoke) with a note, then sign off. Progress is saved as you go.</p>
        <div className="audit-actions">
          {workspace ? (
            <Button variant="primary" busy={action.busy} onClick={() => void action.run(() => start("workspace"))}>
              Review {workspace.name}
            </Button>
          ) : null}
          {reviewableBundle ? (
            <Button variant={workspace ? "secondary" : "primary"} busy={action.busy} onClick={() => void action.run(() => start("bundle"))}>
              Review the bundle {reviewableBundle.fileName}
            </Button>
          ) : null}
        </div>
        {!workspace && !reviewableBundle ? <p className="muted">Connect a workspace, or open an audit bundle that verifies, to start a review.</p> : null}
        {action.error ? <Alert>{action.error.message}</Alert> : null}
      </Section>
      <Section level={2} className="card" title="Reviews">
        {listError ? <Alert action={<Button onClick={() => void loadList()}>Retry</Button>}>{listError}</Alert> : null}
        {reviews.length === 0 ? (
          <EmptyState title="No reviews yet">
            <p>A review started here is kept on this computer until it is signed off, and after.</p>
          </EmptyState>
        ) : (
          <ul className="stack-list">
            {reviews.map((summary) => (
              <ReviewItem key={summary.id} summary={summary} onOpen={() => void action.run(() => openReview(summary.id))} />
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

function ReviewItem({ summary, onOpen }: { summary: ReviewSummary; onOpen: () => void }) {
  const source = summary.source.kind === "bundle" ? `Audit bundle ${summary.source.fileName}` : `Workspace ${summary.source.workspaceName}`;
  return (
    <li className="list-row audit-review-item">
      <div className="list-row-text">
        <span className="list-row-name">{summary.title}</span>
        <span className="muted">
          {source} · started {formatEventTime(summary.startedAt)} · {summary.decided} of {summary.keys} keys decided
        </span>
      </div>
      {summary.signOff ? (
        <span className="badge audit-badge-valid">Signed off by {summary.signOff.reviewer}</span>
      ) : (
        <span className="badge audit-badge-progress">In progress</span>
      )}
      <Button size="sm" aria-label={`${summary.signOff ? "Open" : "Resume"} ${summary.title}`} onClick={onOpen}>
        {summary.signOff ? "Open" : "Resume"}
      </Button>
    </li>
  );
}
