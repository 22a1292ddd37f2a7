/** Audit: the audit log and its verification, audit bundles opened offline, reviews and their reports; and audit events in words for other features. */
import { lazyNamed } from "../../ui/lazy";

// The screen loads when first opened; the words below are small and used by a key's details.
export const AuditScreen = lazyNamed(() => import("./AuditScreen"), "AuditScreen");
export { actorLabel, eventDetail, eventLabel, eventSource, formatEventTime, SOURCE_LABELS } from "./audit-text";
