/** A key's details view: every field, revocation, lineage, audit events, and its actions. */
export { KeyDetailsDialog, type KeyDetailsExtra } from "./KeyDetailsDialog";
export { useKeyDetailsStore } from "./key-details-store";
export { KeyNameButton } from "./KeyNameButton";
