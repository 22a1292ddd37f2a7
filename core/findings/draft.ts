/** What each kind's rule returns for one key; the engine adds the id, kind, key and dismissal. */
import type { Scope } from "../../shared/api/schemas";
import type { FindingAction, FindingSeverity, Finding } from "../../shared/domain/findings";

export interface FindingDraft {
  severity: FindingSeverity;
  explanation: string;
  evidence: Finding["evidence"];
  /** The resolving actions, primary first; "dismiss" is added last by the engine. */
  actions: Exclude<FindingAction, "dismiss">[];
  suggestedScope?: Scope;
}
