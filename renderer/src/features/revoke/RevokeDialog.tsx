/**
 * Revoke one key or several: name them, say it takes effect at once, record why. On success the
 * dialog closes so the table shows the keys as revoked, and a notice above it follows up (for a
 * compromised key, with the offer of a replacement). Focus goes back to what opened it.
 */
import { AlertDialog } from "radix-ui";
import { useReturnFocus } from "../../ui/useReturnFocus";
import { useKeysStore } from "../inventory";
import { useRevokeStore } from "./revoke-store";
import { RevokeForm } from "./RevokeForm";

export function RevokeDialog({ returnFocusTo }: { returnFocusTo?: () => HTMLElement | null }) {
  const keyIds = useRevokeStore((state) => state.keyIds);
  const close = useRevokeStore((state) => state.close);
  const all = useKeysStore((state) => state.keys);
  const keys = keyIds ? all.filter((key) => keyIds.includes(key.id) && key.status === "active") : [];
  const open = keys.length > 0;
  const returnFocus = useReturnFocus(open, returnFocusTo);
  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => (next ? undefined : close())}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="overlay" />
        <AlertDialog.Content className="modal modal-md" onCloseAutoFocus={returnFocus}>
          {open ? <RevokeForm key={keys.map((key) => key.id).join(",")} keys={keys} /> : null}
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
