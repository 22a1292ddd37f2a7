/** Audit: the audit log and its verification, audit bundles opened offline, reviews and their reports; and audit events in words for other features. */
export { AuditScreen } from "./AuditScreen";
export { actorLabel, eventDetail, eventLabel, eventSource, formatEventTime, SOURCE_LABELS } from "./audit-text";
