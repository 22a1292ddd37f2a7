/** Monitoring's findings: their screen, the keys table's badges and filter, a key's findings in its details, and the dismiss dialog. */
export { DismissFindingDialog } from "./DismissFindingDialog";
export { FindingBadges } from "./FindingBadges";
export { FindingsScreen } from "./FindingsScreen";
export { useFindingsStore, useKeyFindings } from "./findings-store";
export { KeyFindings } from "./KeyFindings";
export { SeverityBadge } from "./SeverityBadge";
