/** Whether the page was given `window.keyward` (by the preload or the browser harness); asking is not a call. */
export function hasBridge(): boolean {
  return window.keyward !== undefined;
}
