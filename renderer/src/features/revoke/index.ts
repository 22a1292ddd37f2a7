/** Revoking keys: the confirmation (one key or several, one reason), and the notice after it. */
export { RevokeDialog } from "./RevokeDialog";
export { RevokedNotice } from "./RevokedNotice";
export { useRevokeStore } from "./revoke-store";
