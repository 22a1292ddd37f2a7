/** Monitoring's findings: the engine, its input, and offline usage from an audit bundle. */
export { computeFindings, findingId } from "./engine";
export { recentUsageDays, type FindingsInput } from "./context";
export { recentUsageFromEvents } from "./refusals-from-events";
