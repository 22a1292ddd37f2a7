/** Asked inside the dialog (not a second dialog) when it is closed before the key was copied. */
import { useEffect, useRef } from "react";
import { Button } from "../../ui/Button";
import { AlertIcon } from "../../ui/icons";

type Props = { keptInVault: boolean; busy: boolean; onGoBack: () => void; onCloseAnyway: () => void };

export function CloseWithoutCopyingConfirm({ keptInVault, busy, onGoBack, onCloseAnyway }: Props) {
  const goBack = useRef<HTMLButtonElement>(null);
  // Focus the safe choice, so Enter right after Escape does not discard the key.
  useEffect(() => goBack.current?.focus(), []);
  return (
    <div className="close-confirm" role="alert">
      <p className="close-confirm-text">
        <AlertIcon className="alert-icon" />
        {keptInVault
          ? "You haven't copied this key. Close anyway? It is kept in your vault: copy it from the Vault screen when you need it."
          : "You haven't copied this key. Close anyway? It can't be shown again."}
      </p>
      <div className="close-confirm-actions">
        <Button ref={goBack} onClick={onGoBack}>
          Go back
        </Button>
        <Button variant="danger" busy={busy} onClick={onCloseAnyway}>
          Close without copying
        </Button>
      </div>
    </div>
  );
}
