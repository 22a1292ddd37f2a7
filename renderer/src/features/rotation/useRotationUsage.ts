/**
 * Polls a rotation's usage while a step that shows it is on screen: once at once, then every 2 s
 * after each answer (never two requests at a time). Stops when the step unmounts.
 */
import { useEffect, useState } from "react";
import type { RotationUsage } from "../../../../shared/ipc/contract";
import { errorMessage } from "../../ipc/errors";
import { useRotationStore } from "./rotation-store";

export const USAGE_POLL_MS = 2000;

export function useRotationUsage(oldKeyId: string): { usage: RotationUsage | null; error: string | null } {
  const fetchUsage = useRotationStore((state) => state.usage);
  const [usage, setUsage] = useState<RotationUsage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await fetchUsage(oldKeyId);
        if (!stopped) {
          setUsage(next);
          setError(null);
        }
      } catch (failure) {
        if (!stopped) setError(errorMessage(failure));
      }
      if (!stopped) timer = setTimeout(() => void poll(), USAGE_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [oldKeyId, fetchUsage]);
  return { usage, error };
}
