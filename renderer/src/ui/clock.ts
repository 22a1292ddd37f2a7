/**
 * One shared clock for relative times. Only components that read it re-render when it ticks, and
 * it ticks once a minute: "3 minutes ago" never needs more.
 */
import { useSyncExternalStore } from "react";

const TICK_MS = 30_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer) return () => unsubscribe(listener);
  // Nobody was listening, so the last tick may be old: start from the real time.
  now = Date.now();
  timer = setInterval(() => {
    now = Date.now();
    listeners.forEach((notify) => notify());
  }, TICK_MS);
  return () => unsubscribe(listener);
}

function unsubscribe(listener: () => void): void {
  listeners.delete(listener);
  if (listeners.size === 0 && timer) {
    clearInterval(timer);
    timer = null;
  }
}

export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

let todayCache = { now: Number.NaN, start: 0 };

/** Local midnight of today: components that only care about the day re-render once a day, not every tick. */
export function useToday(): number {
  return useSyncExternalStore(subscribe, () => {
    if (todayCache.now !== now) {
      const date = new Date(now);
      todayCache = { now, start: new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime() };
    }
    return todayCache.start;
  });
}
