/*
 * The main process's one way to log an unexpected error, on the app's logging convention
 * (core/log.ts): `[Keyward:main] <where>: <name and stack frames>`, never the error's message or
 * an input, which could quote a secret. Pure: no electron import.
 */
import { createLog, describeUnexpected } from "../../core/log";

const log = createLog("main");

export { describeUnexpected };

/** A logger for one place in the main process. */
export function logUnexpected(where: string): (error: unknown) => void {
  return (error) => log.unexpected(where, error);
}
