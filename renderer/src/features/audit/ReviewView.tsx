/**
 * One review, resumed where it was left: what it is of and how that evidence was verified, how far
 * it got, every active key with its findings and decision, the reports, and the sign-off (after
 * which it reads only). When connected to the reviewed workspace, decisions can be carried out
 * from here, and each is marked carried out when the workspace shows it done.
 */
import { useEffect, useRef, useState } from "react";
import type { Finding } from "../../../../shared/domain/findings";
import type { Review } from "../../../../shared/domain/review";
import type { WorkspaceSummary } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { countOf } from "../../ui/format";
import { LabeledSelect } from "../../ui/LabeledSelect";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { Section } from "../../ui/Section";
import { useRevokeStore } from "../revoke";
import { useRotationStore } from "../rotation";
import { formatEventTime } from "./audit-text";
import { ReportExport } from "./ReportExport";
import { ReviewKey } from "./ReviewKey";
import { useReviewStore } from "./review-store";
import { SignOff } from "./SignOff";

type Show = "all" | "undecided" | "findings";
const SHOW: { value: Show; label: string }[] = [
  { value: "all", label: "Every key" },
  { value: "undecided", label: "Not decided yet" },
  { value: "findings", label: "With findings" },
];
const PAGE = 100;

export function ReviewView({ review, workspace }: { review: Review; workspace: WorkspaceSummary | null }) {
  const close = useReviewStore((state) => state.close);
  const signing = useReviewStore((state) => state.signing);
  const loadSigning = useReviewStore((state) => state.loadSigning);
  const refreshCarriedOut = useReviewStore((state) => state.refreshCarriedOut);
  const refresh = useAsyncAction();
  const [show, setShow] = useState<Show>("all");
  const [limit, setLimit] = useState(PAGE);
  const connectedId = workspace?.id ?? null;
  const canCarryOut = workspace !== null && signing !== null && signing.workspaceId === review.source.workspaceId;
  const pending = Object.values(review.decisions).some((decision) => decision.decision !== "keep" && decision.carriedOut === null);

  useEffect(() => {
    void loadSigning(connectedId !== null);
  }, [connectedId, loadSigning]);
  // Once when the review opens (or the connection to its workspace comes); dialogs closing below.
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  useEffect(() => {
    if (canCarryOut && pendingRef.current) void refresh.run(refreshCarriedOut);
  }, [canCarryOut, review.id, refresh.run, refreshCarriedOut]);

  // The revoke dialog or the rotation wizard opened from here closed: see what the workspace now shows.
  const revokeOpen = useRevokeStore((state) => state.keyIds !== null);
  const wizardOpen = useRotationStore((state) => state.wizard !== null);
  const dialogOpen = revokeOpen || wizardOpen;
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !dialogOpen && canCarryOut) void refresh.run(refreshCarriedOut);
    wasOpen.current = dialogOpen;
  }, [dialogOpen, canCarryOut, refresh.run, refreshCarriedOut]);

  const findingsOf = new Map<string, Finding[]>();
  for (const finding of review.findings) findingsOf.set(finding.keyId, [...(findingsOf.get(finding.keyId) ?? []), finding]);
  const keys = [...review.keys]
    .sort((a, b) => a.name.localeCompare(b.name))
    .filter((key) => (show === "undecided" ? !review.decisions[key.id] : show === "findings" ? findingsOf.has(key.id) : true));
  const decided = review.keys.filter((key) => review.decisions[key.id]).length;
  const source = review.source;

  return (
    <div className="audit-view">
      <Section
        level={2}
        className="card audit-review-header"
        title={review.title}
        subtitle={
          <p className="muted">
            {source.kind === "bundle" ? `Audit bundle ${source.fileName} of ${source.workspaceName}, exported ${formatEventTime(source.generatedAt)}` : `Workspace ${source.workspaceName} (${source.url}), its keys as they were`}{" "}
            · started {formatEventTime(review.startedAt)}
          </p>
        }
        aside={
          <Button variant="ghost" onClick={close}>
            Back to reviews
          </Button>
        }
      >
        <p className="audit-review-evidence">
          {review.verification ? (
            <>
              <span className={`badge ${review.verification.valid ? "audit-badge-valid" : "audit-badge-invalid"}`}>{review.verification.valid ? "Verified" : "Not verified"}</span> Signing key{" "}
              <code className="audit-fingerprint">{review.verification.signingKeyFingerprint ?? "unknown"}</code>
              {source.kind === "bundle" ? (
                <>
                  {" "}
                  · bundle SHA-256 <code className="audit-hash">{source.bundleSha256}</code>
                </>
              ) : null}
            </>
          ) : (
            <>
              <span className="badge audit-badge-progress">Live</span> Made from the connected workspace's answers, not from a signed audit bundle.
            </>
          )}
        </p>
        <div className="audit-review-progress">
          <div className="audit-meter" role="meter" aria-label="Keys decided" aria-valuemin={0} aria-valuemax={review.keys.length} aria-valuenow={decided} aria-valuetext={`${decided} of ${countOf(review.keys.length, "key")} decided`}>
            <div className="audit-meter-fill" style={{ width: review.keys.length ? `${(decided / review.keys.length) * 100}%` : "100%" }} />
          </div>
          <span>
            {decided} of {countOf(review.keys.length, "active key")} decided
          </span>
          {review.signOff ? <span className="badge audit-badge-valid">Signed off by {review.signOff.reviewer}</span> : null}
        </div>
        <ReportExport />
        {refresh.error ? <Alert tone="warning">Keyward could not check what was carried out: {refresh.error.message}</Alert> : null}
      </Section>

      <section className="audit-review-keys" aria-labelledby="review-keys-title">
        <div className="audit-review-keys-heading">
          <h2 className="card-title" id="review-keys-title">
            Keys
          </h2>
          <LabeledSelect<Show>
            label="Show"
            value={show}
            options={SHOW}
            onChange={(next) => {
              setShow(next);
              setLimit(PAGE);
            }}
          />
        </div>
        {keys.length === 0 ? <p className="muted audit-empty">{review.keys.length === 0 ? "The workspace had no active key." : "No key is left to show here."}</p> : null}
        {keys.slice(0, limit).map((key) => (
          <ReviewKey key={key.id} review={review} apiKey={key} findings={findingsOf.get(key.id) ?? []} canCarryOut={canCarryOut} />
        ))}
        {keys.length > limit ? (
          <Button onClick={() => setLimit(limit + PAGE)}>
            Show {Math.min(PAGE, keys.length - limit)} more of {keys.length - limit}
          </Button>
        ) : null}
      </section>

      <SignOff review={review} />
    </div>
  );
}
