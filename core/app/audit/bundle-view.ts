/**
 * An audit bundle as the app shows it: the verification in the contract's shape (each problem with
 * the event it is about), and a bundle opened offline with its inventory, the findings computed
 * from it alone (as of its export time), and its events paged newest first for the timeline.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { ApiKey, AuditEvent, type AuditBundle } from "../../../shared/api/schemas";
import type { Finding, FindingSettings } from "../../../shared/domain/findings";
import type { BundleEventsPage, BundleProblemView, BundleVerificationView, OpenedBundleView } from "../../../shared/ipc/contract";
import type { BundleVerification, OpenedBundle } from "../../audit";
import { computeFindings, recentUsageDays, recentUsageFromEvents } from "../../findings";
import { matchesQuery } from "./merged-log";

export function verificationView(result: BundleVerification): BundleVerificationView {
  const problems = result.problems.map((problem): BundleProblemView => {
    switch (problem.kind) {
      case "malformed":
      case "unexpected_signer":
        return { kind: problem.kind, message: problem.message, seq: null, position: null, hints: [] };
      case "signature_mismatch":
        return { kind: problem.kind, message: problem.message, seq: null, position: null, hints: problem.hints };
      default:
        return { kind: problem.kind, message: problem.message, seq: problem.seq, position: problem.position > 0 ? problem.position : null, hints: [] };
    }
  });
  const header = result.header;
  return {
    valid: result.valid,
    summary: result.summary,
    problems,
    chainIntact: result.chainIntact,
    signatureValid: result.signatureValid,
    events: result.events,
    header: header
      ? {
          workspaceId: header.workspaceId,
          workspaceName: header.workspaceName,
          serverVersion: header.serverVersion,
          generatedAt: header.generatedAt,
          head: header.head,
          fingerprint: header.signing.fingerprint,
          keyCount: header.keyCount,
        }
      : null,
  };
}

/** A bundle opened offline: what was found, and the bundle itself when it could be read. */
export class OpenedBundleState {
  readonly view: OpenedBundleView;
  /** The bundle's events that have the event shape, in the file's order. */
  private readonly timeline: AuditEvent[];

  private constructor(
    readonly opened: OpenedBundle,
    view: OpenedBundleView,
  ) {
    this.view = view;
    this.timeline = (opened.bundle?.events ?? []).filter((event) => AuditEvent.safeParse(event).success);
  }

  static async from(opened: OpenedBundle, options: { settings: FindingSettings; rotationDays: number; openedAt: Date }): Promise<OpenedBundleState> {
    const bytes = await stat(opened.file).then(
      (info) => info.size,
      () => 0,
    );
    const bundle = opened.bundle;
    const view: OpenedBundleView = {
      path: opened.file,
      fileName: path.basename(opened.file),
      bytes,
      sha256: opened.sha256,
      openedAt: options.openedAt.toISOString(),
      verification: verificationView(opened.verification),
      content: bundle ? bundleContent(bundle, options) : null,
    };
    return new OpenedBundleState(opened, view);
  }

  /** Events newest first, filtered, below `before`. */
  events(query: { keyId?: string | undefined; type?: string | undefined; since?: string | undefined; until?: string | undefined; before?: number | undefined; limit: number }): BundleEventsPage {
    const events = this.timeline;
    const found: AuditEvent[] = [];
    // Events are in seq order, seq n at index n - 1 in a valid bundle; an altered one is searched from its end.
    let index = events.length - 1;
    if (query.before !== undefined) {
      const guess = query.before - 2;
      index = guess >= 0 && guess < events.length && events[guess]!.seq === query.before - 1 ? guess : events.findLastIndex((event) => event.seq < query.before!);
    }
    for (; index >= 0 && found.length < query.limit; index--) {
      const event = events[index]!;
      if (query.before !== undefined && !(event.seq < query.before)) continue;
      if (matchesQuery(event, query)) found.push(event);
    }
    return { events: found, next: index >= 0 && found.length > 0 ? found.at(-1)!.seq : null };
  }
}

function bundleContent(bundle: AuditBundle, options: { settings: FindingSettings; rotationDays: number }): NonNullable<OpenedBundleView["content"]> {
  // A bundle that failed verification is still shown, but only what has the API's shape.
  const keys = bundle.keys.flatMap((key) => ApiKey.safeParse(key).data ?? []);
  const evidenceTime = new Date(bundle.generatedAt);
  let findings: Finding[] = [];
  try {
    const usage = recentUsageFromEvents(bundle.events, { now: evidenceTime, days: recentUsageDays(options.settings) });
    findings = computeFindings({ keys, usage, leaks: [], dismissals: [], settings: options.settings, rotationDays: options.rotationDays, now: evidenceTime });
  } catch {
    // An altered bundle can hold values the engine cannot use (a time that is not one): no findings then.
  }
  return {
    workspaceId: bundle.workspaceId,
    workspaceName: bundle.workspaceName,
    generatedAt: bundle.generatedAt,
    keys,
    findings,
    eventCount: bundle.events.length,
    eventTypes: [...new Set(bundle.events.map((event) => event.type))].sort(),
  };
}
