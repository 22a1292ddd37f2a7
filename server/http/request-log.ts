/*
 * The request log: one JSON line per request (time, method, path, status, milliseconds, client
 * address, key id when one was used), written through a buffered writer. It never holds a
 * credential: headers are not logged, the query string is dropped, and anything in the path that
 * looks like a credential is replaced. Errors are logged by message and code only, never as objects
 * (a driver error may quote its parameters).
 */
import type { FastifyInstance } from "fastify";
import type { BufferedLogWriter } from "./log-writer";

const CREDENTIAL = /uo_(?:live|test|adm)_[0-9A-Za-z]*/g;

declare module "fastify" {
  interface FastifyRequest {
    /** The API key that was accepted or refused, for the log line. */
    keyId?: string;
  }
}

export function logPath(url: string): string {
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  return path.includes("uo_") ? path.replace(CREDENTIAL, "uo_[redacted]") : path;
}

export function registerRequestLog(app: FastifyInstance, writer: BufferedLogWriter): void {
  app.addHook("onResponse", (request, reply, done) => {
    const keyId = request.keyId === undefined ? "" : `,"keyId":"${request.keyId}"`;
    writer.write(
      `{"time":${Date.now()},"method":"${request.method}","path":${JSON.stringify(logPath(request.url))},"status":${reply.statusCode},"ms":${reply.elapsedTime.toFixed(2)},"ip":"${request.ip}"${keyId}}\n`,
    );
    done();
  });
}

export function logError(writer: BufferedLogWriter | null, message: string, error: unknown): void {
  const detail = error instanceof Error ? { error: error.message, code: (error as { code?: unknown }).code ?? null } : { error: String(error) };
  const line = JSON.stringify({ time: Date.now(), level: "error", msg: message, ...detail });
  if (writer) writer.write(`${line}\n`);
  else process.stderr.write(`[keyward-server] ${line}\n`);
}
