/** The current workspace's keys (never a secret) and the actions that change them. */
export { useKey, useKeysStore } from "./keys-store";
