/*
 * The request log: one JSON line per request (time, method, path, status, milliseconds, client
 * address, key id when one was used), written through a buffered writer. It never holds a
 * credential: headers are not logged, the query string is dropped, and anything in the path that
 * looks like a credential is replaced. Errors are logged by message and code only, never as objects
 * (a driver error may quote its parameters).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { BufferedLogWriter } from "./log-writer";

const CREDENTIAL = /uo_(?:live|test|adm)_[0-9A-Za-z]*/g;

declare module "fastify" {
  interface FastifyRequest {
    /** The API key that was accepted or refused, for the log line. */
    keyId?: string;
  }
  interface FastifyInstance {
    /** Where answers are logged; absent when the request log is off. */
    keywardLog?: BufferedLogWriter;
  }
}

export function logPath(url: string): string {
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  return path.includes("uo_") ? path.replace(CREDENTIAL, "uo_[redacted]") : path;
}

/**
 * The log is written where each answer is made (the endpoint wrapper, the error and not-found
 * handlers) rather than from an onResponse hook: a hook costs every request a few microseconds of
 * Fastify's hook machinery, more than the line itself.
 */
export function registerRequestLog(app: FastifyInstance, writer: BufferedLogWriter): void {
  app.decorate("keywardLog", writer);
}

/** Logs one answer: called once per request, just before it is sent. */
export function logAnswer(request: FastifyRequest, reply: FastifyReply, status: number): void {
  const writer = request.server.keywardLog;
  if (!writer) return;
  const keyId = request.keyId === undefined ? "" : `,"keyId":"${request.keyId}"`;
  writer.write(
    `{"time":${Date.now()},"method":"${request.method}","path":${JSON.stringify(logPath(request.url))},"status":${status},"ms":${reply.elapsedTime.toFixed(2)},"ip":"${request.ip}"${keyId}}\n`,
  );
}

export function logError(writer: BufferedLogWriter | null, message: string, error: unknown): void {
  const detail = error instanceof Error ? { error: error.message, code: (error as { code?: unknown }).code ?? null } : { error: String(error) };
  const line = JSON.stringify({ time: Date.now(), level: "error", msg: message, ...detail });
  if (writer) writer.write(`${line}\n`);
  else process.stderr.write(`[keyward-server] ${line}\n`);
}
