/**
 * Revoke a key: name it, say it takes effect at once, record why. On success the dialog closes so
 * the table shows the key as revoked, and a notice above it follows up (for a compromised key, with
 * the offer of a replacement).
 */
import { AlertDialog } from "radix-ui";
import { useKeysStore } from "../keys-store";
import { useRevokeStore } from "./revoke-store";
import { RevokeForm } from "./RevokeForm";

export function RevokeKeyDialog() {
  const keyId = useRevokeStore((state) => state.keyId);
  const close = useRevokeStore((state) => state.close);
  const showNotice = useRevokeStore((state) => state.showNotice);
  const apiKey = useKeysStore((state) => (keyId ? state.keys.find((key) => key.id === keyId) : undefined));
  return (
    <AlertDialog.Root open={apiKey !== undefined} onOpenChange={(open) => (open ? undefined : close())}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="overlay" />
        <AlertDialog.Content className="modal modal-md">
          {apiKey ? <RevokeForm key={apiKey.id} apiKey={apiKey} onRevoked={(revoked, reason) => showNotice({ key: revoked, offerReplacement: reason === "compromised" })} /> : null}
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
