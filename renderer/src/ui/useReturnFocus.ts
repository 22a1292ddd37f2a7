/**
 * Where focus goes when a dialog closes: back to the element that had it when the dialog opened
 * (the button that opened it), or, when that element has left the page, to `fallback()`. Radix's
 * own return works only for its triggers; Keyward's dialogs are opened from menus and stores.
 */
import { useRef } from "react";

export function useReturnFocus(open: boolean, fallback?: () => HTMLElement | null): (event: Event) => void {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  if (open && !wasOpen.current) {
    // Read while rendering the opening: the dialog has not taken focus yet.
    const active = typeof document === "undefined" ? null : document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }
  wasOpen.current = open;
  return (event) => {
    const target = opener.current?.isConnected ? opener.current : (fallback?.() ?? null);
    if (!target) return;
    event.preventDefault();
    target.focus();
  };
}
