/*
 * The one logging convention of the main process and its services: `[Keyward:<service>] message`.
 * Protects against a secret reaching the log: callers pass their own words, and an unexpected error
 * is written as its name and stack frames only, never its message (which can quote what it failed
 * on: a key, a token, a URL with a token) and never the error object itself. Does not protect
 * against a caller who writes a secret into its own words.
 */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  /** An unexpected failure: `where` in words, and the error reduced to its name and stack frames. */
  unexpected(where: string, error: unknown): void;
}

export function describeUnexpected(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${error === null ? "null" : typeof error}`;
  // The first line of a V8 stack is "Name: message"; the frames after it hold no data.
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return [error.name, ...frames].join("\n");
}

export function createLog(service: string): Log {
  const prefix = `[Keyward:${service}]`;
  return {
    // Informational lines go to stderr too: stdout is for what commands print for scripts.
    info: (message) => console.warn(`${prefix} ${message}`),
    warn: (message) => console.warn(`${prefix} ${message}`),
    unexpected: (where, error) => console.error(`${prefix} ${where}:`, describeUnexpected(error)),
  };
}
