/**
 * An audit bundle opened offline, made ready for a review: verified first, its file's SHA-256 (what
 * a report prints), the parsed bundle, and a new review of its active keys with their findings
 * computed from the bundle alone (refusals from its auth.denied events; a bundle has no client list,
 * so no shared-key finding). Findings are as of the bundle's export time, the time of its evidence.
 */
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AuditBundle } from "../../shared/api/schemas";
import { DEFAULT_FINDING_SETTINGS, type Dismissal, type FindingSettings, type LeakRecord } from "../../shared/domain/findings";
import { REVIEW_SCHEMA_VERSION, type Review } from "../../shared/domain/review";
import { computeFindings, recentUsageDays, recentUsageFromEvents } from "../findings";
import { toReviewVerification, verifyAuditBundle, type BundleVerification, type VerifyFileOptions } from "./verify";

export interface OpenedBundle {
  file: string;
  /** Lowercase hex SHA-256 of the file's bytes. */
  sha256: string;
  verification: BundleVerification;
  /** Null when the file is not a readable bundle. */
  bundle: AuditBundle | null;
}

export async function fileSha256(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Verifies the bundle, then reads it (a bundle that failed verification is still readable, to show what is in it). */
export async function openAuditBundle(file: string, options: VerifyFileOptions = {}): Promise<OpenedBundle> {
  const verification = await verifyAuditBundle(file, options);
  if (verification.header === null) return { file, sha256: await fileSha256(file).catch(() => ""), verification, bundle: null };
  const bytes = await readFile(file);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { file, sha256, verification, bundle: JSON.parse(bytes.toString("utf8")) as AuditBundle };
}

export interface ReviewOptions {
  title?: string;
  rotationDays?: number;
  settings?: FindingSettings;
  leaks?: LeakRecord[];
  dismissals?: Dismissal[];
  /** When the review starts (default: now). */
  now?: Date;
}

export function reviewFromBundle(opened: OpenedBundle & { bundle: AuditBundle }, options: ReviewOptions = {}): Review {
  const { bundle } = opened;
  const settings = options.settings ?? DEFAULT_FINDING_SETTINGS;
  const evidenceTime = new Date(bundle.generatedAt);
  const usage = recentUsageFromEvents(bundle.events, { now: evidenceTime, days: recentUsageDays(settings) });
  const findings = computeFindings({
    keys: bundle.keys,
    usage,
    leaks: options.leaks ?? [],
    dismissals: options.dismissals ?? [],
    settings,
    rotationDays: options.rotationDays ?? 90,
    now: evidenceTime,
  });
  const active = bundle.keys.filter((key) => key.status === "active");
  const activeIds = new Set(active.map((key) => key.id));
  return {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    id: randomUUID(),
    title: options.title ?? `API key review of ${bundle.workspaceName}, ${bundle.generatedAt.slice(0, 10)}`,
    source: { kind: "bundle", workspaceId: bundle.workspaceId, workspaceName: bundle.workspaceName, fileName: path.basename(opened.file), bundleSha256: opened.sha256, generatedAt: bundle.generatedAt },
    verification: toReviewVerification(opened.verification),
    startedAt: (options.now ?? new Date()).toISOString(),
    keys: active,
    findings: findings.filter((finding) => activeIds.has(finding.keyId)),
    decisions: {},
    signOff: null,
  };
}
