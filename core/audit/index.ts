/**
 * Audit in core: bundle verification, the local audit log, offline reviews of a bundle, and the
 * review reports. What the desktop app and the command line call.
 */
export * from "./verify";
export { LocalAuditLog, LocalAuditLogError, LOCAL_LOG_FILE, type LocalLogFilter, type LocalLogOptions, type TornTail } from "./local-log";
export { LOCAL_EVENT_TYPES, type LocalEventData, type LocalEventType } from "./local-log-events";
export type { LocalLogVerification } from "./local-log-verify";
export { fileSha256, openAuditBundle, reviewFromBundle, type OpenedBundle, type ReviewOptions } from "./review-from-bundle";
export * from "./reports";
