/**
 * Where focus goes when a dialog closes: back to the element that had it when the dialog opened
 * (the button that opened it, or the button of the menu whose item did), or, when that element has
 * left the page, to `fallback()`. Radix's own return works only for its triggers; Keyward's dialogs
 * are opened from menus and stores.
 */
import { useRef } from "react";

export function useReturnFocus(open: boolean, fallback?: () => HTMLElement | null): (event: Event) => void {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  if (open && !wasOpen.current) {
    // Read while rendering the opening: the dialog has not taken focus yet. A menu item is about to
    // go with its menu: the menu's own button is what opened the dialog, as far as the user knows.
    const active = typeof document === "undefined" ? null : document.activeElement;
    const menu = active?.closest('[role="menu"]');
    const trigger = menu?.id ? document.querySelector(`[aria-controls="${CSS.escape(menu.id)}"]`) : null;
    const element = trigger ?? active;
    opener.current = element instanceof HTMLElement && element !== document.body ? element : null;
  }
  wasOpen.current = open;
  return (event) => {
    const target = opener.current?.isConnected ? opener.current : (fallback?.() ?? null);
    if (!target) return;
    event.preventDefault();
    target.focus();
  };
}
