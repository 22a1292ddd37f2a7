/** A key's details view: every field, revocation, lineage, audit events, and its actions. */
export { KeyDetailsDialog } from "./KeyDetailsDialog";
export { useKeyDetailsStore } from "./key-details-store";
