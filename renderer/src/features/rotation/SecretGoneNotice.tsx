/** When the new key's secret is gone (its time ran out, the vault locked): the key must be made again. */
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";

export function SecretGoneNotice({ onCancelRotation }: { onCancelRotation: () => void }) {
  return (
    <Alert
      tone="warning"
      action={
        <Button size="sm" onClick={onCancelRotation}>
          Cancel rotation
        </Button>
      }
    >
      <strong>The new key must be regenerated.</strong> Keyward no longer holds its secret (it is held for a limited time, and dropped when the vault locks) and the vault does not keep it. If the
      integration already has the new key, go on; otherwise cancel this rotation, revoking the new key, and start again.
    </Alert>
  );
}
