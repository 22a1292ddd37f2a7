/**
 * The one way a component runs an action that waits for the main process: busy while it runs, and
 * its error (words for the user, and the stable code for decisions) when it fails. `run` resolves
 * to true when the action succeeded, so a caller can go on (close a dialog) only then.
 */
import { useCallback, useRef, useState } from "react";
import { toUserError, type UserError } from "../ipc/errors";

export interface AsyncAction {
  busy: boolean;
  error: UserError | null;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  setError: (error: UserError | null) => void;
}

export function useAsyncAction(): AsyncAction {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);
  // A second click while the first action runs is ignored, not run twice.
  const running = useRef(false);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (failure) {
      setError(toUserError(failure));
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}
