/** How findings read in the app: severity names, and each action's button label. */
import type { Finding, FindingAction, FindingSeverity } from "../../../../shared/domain/findings";
import { scopeLabel } from "../../../../shared/domain/scopes";

export const SEVERITY_LABELS: Record<FindingSeverity, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low" };

/** The button that resolves a finding: "Revoke…", "Rotate…", "Narrow to Read only…", "Dismiss…". */
export function actionLabel(action: FindingAction, finding: Pick<Finding, "suggestedScope">): string {
  switch (action) {
    case "revoke":
      return "Revoke…";
    case "rotate":
      return "Rotate…";
    case "rescope":
      return finding.suggestedScope ? `Narrow to ${scopeLabel(finding.suggestedScope)}…` : "Rescope…";
    case "dismiss":
      return "Dismiss…";
  }
}
