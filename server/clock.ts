/**
 * The server's clock as ISO-8601 text, which every request needs (status checks, usage). With the
 * real clock the text is made once per millisecond, not once per request; an injected clock
 * (tests move time) is read every time.
 */
export function isoClock(now?: () => Date): () => string {
  if (now) return () => now().toISOString();
  let lastMs = -1;
  let lastIso = "";
  return () => {
    const ms = Date.now();
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = new Date(ms).toISOString();
    }
    return lastIso;
  };
}
