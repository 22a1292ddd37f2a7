/**
 * The findings engine: a pure function of the inventory, recent usage, leak records, dismissals,
 * thresholds, the rotation policy and `now`. Each kind is one rule in kinds/; this runs every rule
 * on every key once, attaches the dismissal that matches a finding's id, and orders the result by
 * severity, then kind, then key name.
 */
import type { ApiKey } from "../../shared/api/schemas";
import { FINDING_KINDS, FINDING_SEVERITIES, type Dismissal, type Finding, type FindingKind } from "../../shared/domain/findings";
import { buildContext, type FindingContext, type FindingsInput } from "./context";
import type { FindingDraft } from "./draft";
import { broaderThanUse } from "./kinds/broader-than-use";
import { dormantAwakened } from "./kinds/dormant-awakened";
import { expiringSoon } from "./kinds/expiring-soon";
import { leakedInSource } from "./kinds/leaked-in-source";
import { neverUsed } from "./kinds/never-used";
import { orphaned } from "./kinds/orphaned";
import { refusedRequests } from "./kinds/refused-requests";
import { rotationOverdue } from "./kinds/rotation-overdue";
import { sharedKey } from "./kinds/shared-key";

type Rule = (key: ApiKey, ctx: FindingContext) => FindingDraft | null;

export const RULES: Record<FindingKind, Rule> = {
  leaked_in_source: leakedInSource,
  refused_requests: refusedRequests,
  dormant_awakened: dormantAwakened,
  broader_than_use: broaderThanUse,
  shared_key: sharedKey,
  rotation_overdue: rotationOverdue,
  orphaned,
  never_used: neverUsed,
  expiring_soon: expiringSoon,
};

/** Stable across runs, so a dismissal sticks to the finding it was made for. */
export const findingId = (kind: FindingKind, keyId: string): string => `${kind}:${keyId}`;

const SEVERITY_RANK = new Map(FINDING_SEVERITIES.map((severity, index) => [severity, index]));
const KIND_RANK = new Map(FINDING_KINDS.map((kind, index) => [kind, index]));

export function computeFindings(input: FindingsInput): Finding[] {
  const ctx = buildContext(input);
  const dismissals = new Map<string, Dismissal>();
  for (const dismissal of input.dismissals) dismissals.set(dismissal.findingId, dismissal);
  const names = new Map<string, string>();
  const found: Finding[] = [];
  for (const key of input.keys) {
    names.set(key.id, key.name);
    for (const kind of FINDING_KINDS) {
      const draft = RULES[kind](key, ctx);
      if (!draft) continue;
      const id = findingId(kind, key.id);
      found.push({
        id,
        kind,
        keyId: key.id,
        severity: draft.severity,
        explanation: draft.explanation,
        evidence: draft.evidence,
        actions: [...draft.actions, "dismiss"],
        suggestedScope: draft.suggestedScope ?? null,
        dismissal: dismissals.get(id) ?? null,
      });
    }
  }
  return found.sort(
    (a, b) =>
      SEVERITY_RANK.get(a.severity)! - SEVERITY_RANK.get(b.severity)! ||
      KIND_RANK.get(a.kind)! - KIND_RANK.get(b.kind)! ||
      compareText(names.get(a.keyId)!, names.get(b.keyId)!) ||
      compareText(a.keyId, b.keyId),
  );
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
