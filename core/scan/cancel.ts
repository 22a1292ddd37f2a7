/** Cancellation: every scan stops with the same standard error, whatever part of it was running. */
export function cancelled(): DOMException {
  return new DOMException("The scan was cancelled.", "AbortError");
}

export function isCancelled(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}
