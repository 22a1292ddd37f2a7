/**
 * Tells the main process the user is active, so the vault's idle lock counts from the last real
 * activity. Throttled: at most one touch every 30 s, and only while the vault is unlocked.
 */
import { useEffect } from "react";
import { useVaultStore } from "../features/vault";

const TOUCH_EVERY_MS = 30_000;
const ACTIVITY_EVENTS = ["pointerdown", "keydown", "wheel"] as const;

export function useActivityTouch(): void {
  useEffect(() => {
    let lastTouch = 0;
    const onActivity = () => {
      const now = Date.now();
      const vault = useVaultStore.getState();
      if (now - lastTouch < TOUCH_EVERY_MS || !vault.status?.unlocked) return;
      lastTouch = now;
      void vault.touch();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, []);
}
