/** Audit. */
export { AuditScreen } from "./AuditScreen";
