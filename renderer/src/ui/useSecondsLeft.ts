/** Seconds until an ISO time, ticking every second while there are any left; null when none. */
import { useEffect, useState } from "react";

function secondsUntil(iso: string | null): number | null {
  if (!iso) return null;
  const left = Math.ceil((Date.parse(iso) - Date.now()) / 1000);
  return left > 0 ? left : null;
}

export function useSecondsLeft(iso: string | null): number | null {
  const [left, setLeft] = useState(() => secondsUntil(iso));
  useEffect(() => {
    setLeft(secondsUntil(iso));
    if (!iso) return undefined;
    const timer = setInterval(() => {
      const next = secondsUntil(iso);
      setLeft(next);
      if (next === null) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [iso]);
  return left;
}
