/** Monitoring's findings: their screen, the keys table's badges and filter, a key's findings in its details, and the dismiss dialog. */
import { lazyNamed } from "../../ui/lazy";

export { DismissFindingDialog } from "./DismissFindingDialog";
export { FindingBadges } from "./FindingBadges";
// The screen (and its chart) loads when first opened.
export const FindingsScreen = lazyNamed(() => import("./FindingsScreen"), "FindingsScreen");
export { useFindingsStore, useKeyFindings } from "./findings-store";
export { KeyFindings } from "./KeyFindings";
export { SeverityBadge } from "./SeverityBadge";
