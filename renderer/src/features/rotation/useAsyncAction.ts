/** One button's async action: busy while it runs, and its error (with the stable code) when it fails. */
import { useCallback, useState } from "react";
import { toUserError, type UserError } from "../../ipc/errors";

export function useAsyncAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(toUserError(failure));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}
