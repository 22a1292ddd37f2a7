/**
 * Quarterly reviews in the app: started from the connected workspace (its active keys and their
 * findings now) or from an audit bundle opened offline (verified, findings as of its export);
 * a decision and note per key, saved at once so a review resumes after a restart; a sign-off with
 * the reviewer's name and time, after which decisions no longer change; decisions to rotate,
 * rescope or revoke marked carried out when the workspace shows them done; reports in PDF, CSV
 * and JSON made by core/audit.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { ApiKey } from "../../../shared/api/schemas";
import { REVIEW_SCHEMA_VERSION, type Review, type ReviewDecision } from "../../../shared/domain/review";
import type { DecideInput, ReportFormat, ReviewSummary, SignOffInput, StartReviewInput } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import { countOf } from "../../../shared/text/count";
import { renderReport, reviewFromBundle } from "../../audit";
import { writeUserFile } from "../state/user-file";
import type { CoreServices } from "../core-services";
import type { FindingsService } from "../findings/findings-service";
import type { OpenedBundleState } from "./bundle-view";
import { ReviewsFolder } from "./reviews-file";

const FORMAT_NAMES: Record<ReportFormat, string> = { pdf: "PDF", csv: "CSV", json: "JSON" };
const LABEL_MAX = 500;

export function reviewSummary(review: Review): ReviewSummary {
  return {
    id: review.id,
    title: review.title,
    source: review.source,
    startedAt: review.startedAt,
    keys: review.keys.length,
    decided: review.keys.filter((key) => review.decisions[key.id]).length,
    verified: review.verification?.valid ?? null,
    signOff: review.signOff,
  };
}

export class ReviewService {
  private readonly folder: ReviewsFolder;

  constructor(
    private readonly core: CoreServices,
    private readonly findings: FindingsService,
    private readonly openedBundle: () => OpenedBundleState | null,
  ) {
    this.folder = new ReviewsFolder(core.platform.dataDir);
  }

  list(): ReviewSummary[] {
    return this.folder.list().map(reviewSummary);
  }

  get(id: string): Review {
    return this.folder.get(id);
  }

  async start(input: { of: StartReviewInput["of"]; title?: string | undefined }): Promise<Review> {
    const now = this.core.now();
    const review = input.of === "workspace" ? await this.ofWorkspace(now, input.title) : this.ofBundle(now, input.title);
    return this.folder.create(review);
  }

  async decide(input: Required<Pick<DecideInput, "reviewId" | "keyId" | "decision">> & { note: string }): Promise<Review> {
    const at = this.core.now().toISOString();
    return this.folder.update(input.reviewId, (review) => {
      refuseIfSignedOff(review);
      if (!review.keys.some((key) => key.id === input.keyId)) throw new IpcError("not_found", "That key is not part of this review.");
      const previous = review.decisions[input.keyId];
      if (previous?.carriedOut && previous.decision !== input.decision) {
        throw new IpcError("conflict", `This key's decision (${previous.decision}) was already carried out: ${previous.carriedOut.result}. It can no longer be changed; its note can.`);
      }
      const same = previous?.decision === input.decision;
      const decision: ReviewDecision = { decision: input.decision, note: input.note, decidedAt: same ? previous.decidedAt : at, carriedOut: same ? previous.carriedOut : null };
      return { ...review, decisions: { ...review.decisions, [input.keyId]: decision } };
    });
  }

  async signOff(input: Required<SignOffInput>): Promise<Review> {
    const at = this.core.now().toISOString();
    const signed = await this.folder.update(input.reviewId, (review) => {
      refuseIfSignedOff(review);
      const undecided = review.keys.filter((key) => !review.decisions[key.id]).length;
      if (undecided > 0) throw new IpcError("conflict", `${countOf(undecided, "key")} ${undecided === 1 ? "has" : "have"} no decision yet. Decide every key before signing off.`);
      return { ...review, signOff: { reviewer: input.reviewer, at } };
    });
    void this.core.activity.record("audit.review_signed_off", { reviewId: signed.id, reviewer: input.reviewer.slice(0, LABEL_MAX), keys: signed.keys.length });
    return signed;
  }

  /**
   * Marks the decisions the connected workspace shows done as carried out (also after sign-off:
   * carrying out a signed-off decision is what follows it). Only the workspace the review is of.
   */
  async refreshCarriedOut(reviewId: string): Promise<{ review: Review; changed: string[] }> {
    const review = this.folder.get(reviewId);
    const pending = Object.entries(review.decisions).filter(([, decision]) => decision.decision !== "keep" && decision.carriedOut === null);
    if (pending.length === 0) return { review, changed: [] };
    const { client } = this.core.workspaces.client();
    const info = await client.workspaceInfo();
    if (info.workspaceId !== review.source.workspaceId) {
      throw new IpcError("conflict", `This review is of ${review.source.workspaceName}, not of the connected workspace: connect to ${review.source.workspaceName} to carry out its decisions.`);
    }
    const keys = new Map((await this.core.keys.list()).map((key) => [key.id, key]));
    const at = this.core.now().toISOString();
    const done = new Map<string, string>();
    for (const [keyId, decision] of pending) {
      const result = outcome(decision, keys.get(keyId), keys);
      if (result) done.set(keyId, result.slice(0, LABEL_MAX));
    }
    if (done.size === 0) return { review, changed: [] };
    const updated = await this.folder.update(reviewId, (current) => {
      const decisions = { ...current.decisions };
      for (const [keyId, result] of done) {
        const decision = decisions[keyId];
        if (decision && decision.carriedOut === null) decisions[keyId] = { ...decision, carriedOut: { at, result } };
      }
      return { ...current, decisions };
    });
    return { review: updated, changed: [...done.keys()] };
  }

  /** Saves the report where the user chooses; null when the dialog was cancelled. */
  async exportReport(reviewId: string, format: ReportFormat): Promise<string | null> {
    const review = this.folder.get(reviewId);
    const file = await this.core.platform.chooseSaveFile({
      title: "Save the review report",
      defaultName: `keyward-review-${review.startedAt.slice(0, 10)}-${review.id.slice(0, 8)}.${format}`,
      filters: [{ name: FORMAT_NAMES[format], extensions: [format] }],
    });
    if (!file) return null;
    const bytes = await renderReport(review, format, { now: this.core.now() });
    await writeUserFile(file, bytes);
    void this.core.activity.record("audit.report_exported", { reviewId, format, file: file.length <= LABEL_MAX ? file : path.basename(file).slice(0, LABEL_MAX) });
    return file;
  }

  private async ofWorkspace(now: Date, title: string | undefined): Promise<Review> {
    const { client } = this.core.workspaces.client();
    const workspace = this.core.workspaces.current().workspace;
    const [report, info] = await Promise.all([this.findings.report(), client.workspaceInfo().catch(() => null)]);
    const active = report.keys.filter((key) => key.status === "active");
    const ids = new Set(active.map((key) => key.id));
    const name = workspace?.name ?? info?.name ?? "the workspace";
    return {
      schemaVersion: REVIEW_SCHEMA_VERSION,
      id: randomUUID(),
      title: title ?? `API key review of ${name}, ${now.toISOString().slice(0, 10)}`,
      // The workspace's own id, as its bundles carry it: what carrying out decisions checks.
      source: { kind: "workspace", workspaceId: info?.workspaceId ?? report.workspaceId, workspaceName: name, url: workspace?.url ?? client.baseUrl },
      verification: null,
      startedAt: now.toISOString(),
      keys: active,
      findings: report.findings.filter((finding) => ids.has(finding.keyId)),
      decisions: {},
      signOff: null,
    };
  }

  private ofBundle(now: Date, title: string | undefined): Review {
    const state = this.openedBundle();
    const bundle = state?.opened.bundle;
    if (!state || !bundle) throw new IpcError("not_found", "Open an audit bundle first.");
    if (!state.opened.verification.valid) {
      throw new IpcError("conflict", "This bundle did not verify, so a review of it would rest on evidence that cannot be trusted. Ask for a new bundle from the workspace.");
    }
    const preferences = this.core.preferences.values();
    return reviewFromBundle({ ...state.opened, bundle }, { ...(title ? { title } : {}), settings: preferences.findings, rotationDays: preferences.rotationDays, now });
  }
}

function refuseIfSignedOff(review: Review): void {
  if (review.signOff) throw new IpcError("conflict", `This review was signed off by ${review.signOff.reviewer} on ${review.signOff.at.slice(0, 10)}: it can no longer be changed.`);
}

/** What the workspace shows was done about a decision since it was made, in words, or null when nothing was. */
function outcome(decision: ReviewDecision, key: ApiKey | undefined, keys: Map<string, ApiKey>): string | null {
  if (!key) return null;
  if (decision.decision === "revoke") {
    if (key.status !== "revoked" || !key.revokedAt || key.revokedAt < decision.decidedAt) return null;
    const why = [key.revokedReason, key.revokedNote].filter(Boolean).join(": ");
    return `Revoked on ${utc(key.revokedAt)}${key.revokedBy ? ` by ${key.revokedBy}` : ""}${why ? ` (${why})` : ""}.`;
  }
  const successor = key.replacedById ? keys.get(key.replacedById) : undefined;
  if (!successor || successor.createdAt < decision.decidedAt) return null;
  const scope = successor.scope === key.scope ? `same scope (${successor.scope})` : `scope ${key.scope} → ${successor.scope}`;
  const old = key.status === "active" ? "the old key stays active until the rotation's last step" : `the old key is ${key.status}`;
  return `Rotated into “${successor.name}” (${successor.id}), ${scope}, on ${utc(successor.createdAt)}; ${old}.`;
}

/** "2026-06-15 12:00 UTC", as the reports write times. */
const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;
