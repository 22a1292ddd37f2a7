/*
 * The main process's one way to log an unexpected error. Protects against a secret reaching the
 * log: an error's message can quote what it failed on (a key, a token, a URL with a token), so
 * only the error's name and stack frames are written, never its message, and never an input.
 * Pure: no electron import.
 */
export function describeUnexpected(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${error === null ? "null" : typeof error}`;
  // The first line of a V8 stack is "Name: message"; the frames after it hold no data.
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return [error.name, ...frames].join("\n");
}

/** A logger for one place in the main process: `[Keyward] <where>: <name and stack>`. */
export function logUnexpected(where: string): (error: unknown) => void {
  return (error) => console.error(`[Keyward] ${where}:`, describeUnexpected(error));
}
