/**
 * Tells a database that is away (PostgreSQL restarting, unreachable, out of connections; SQLite
 * locked past its busy timeout) from a bug: the first is answered 503 with Retry-After, so clients
 * and load balancers retry, the second 500.
 */
const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up)
  "53300", // too_many_connections
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
]);

const MESSAGES = /Connection terminated|connection error|timeout exceeded when trying to connect|Query read timeout|Client was closed|database system is (starting up|shutting down)|database is locked/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && CODES.has(code)) return true;
  if (error instanceof AggregateError && error.errors.some(isDatabaseUnavailable)) return true;
  return MESSAGES.test(error.message);
}
