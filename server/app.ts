/**
 * The reference Workspace Keys API server: wires the stores, the authenticator and the routes
 * into Fastify, runs the once-a-second housekeeping (usage flush, denied-request events, expiry
 * events), follows key changes made by other processes on the same database, and shuts down
 * without losing a count or a log line.
 */
import Fastify, { type FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { DeniedAggregator } from "./audit/denied-aggregator";
import { appendAuditEvent } from "./audit/audit-log";
import { Authenticator } from "./auth/authenticator";
import { FailedAuthRateLimiter, type RateLimitOptions } from "./auth/rate-limiter";
import { isoClock } from "./clock";
import { openDatabase, type DatabaseKind } from "./db/connect";
import type { Database } from "./db/schema";
import { ApiError } from "./http/api-error";
import { MAX_BODY_BYTES, registerErrorHandling } from "./http/error-handling";
import { BufferedLogWriter } from "./http/log-writer";
import { logAnswer, logError, registerRequestLog } from "./http/request-log";
import { KeyAuthCache } from "./keys/key-auth-cache";
import { KeyChangeFeed } from "./keys/key-change-feed";
import { KeyStore } from "./keys/key-store";
import { buildOpenApiDocument } from "./openapi";
import { RecordStore } from "./resources/record-store";
import { registerAuditExportRoutes } from "./routes/audit-export-routes";
import { registerAuditRoutes } from "./routes/audit-routes";
import { registerKeyRoutes } from "./routes/key-routes";
import { registerResourceRoutes } from "./routes/resource-routes";
import { UsageTracker } from "./usage/usage-tracker";

export const SERVER_VERSION = "0.1.0";
export { MAX_BODY_BYTES };

export interface ServerOptions {
  /** The data folder: the SQLite file (unless `databaseUrl`), and the workspace's signing key. */
  dataDir: string;
  /** postgres://… to keep the data in PostgreSQL, shared by several server processes. */
  databaseUrl?: string | undefined;
  host?: string;
  port?: number;
  rateLimit?: Partial<RateLimitOptions>;
  /** How often usage counts and denied-request events are written; at most 5 s by the contract. */
  housekeepingMs?: number;
  /** Where the request log goes (one JSON line per request): a file descriptor (1 = stdout) or a file. Off when absent. */
  requestLog?: { fd: number } | { file: string } | false;
  /** Serve HTTPS with this certificate and private key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Serve `GET /bench/v1/feedback` without authentication: for `npm run bench` only. */
  unauthenticatedBaseline?: boolean;
  /** Trust X-Forwarded-For from these proxies (addresses or CIDRs), or from any (true): behind a load balancer. */
  trustProxy?: boolean | string[];
  now?: () => Date;
}

export interface WorkspaceServer {
  app: FastifyInstance;
  db: Kysely<Database>;
  keys: KeyStore;
  usage: UsageTracker;
  changes: KeyChangeFeed;
  databaseKind: DatabaseKind;
  databaseDriver: string;
  /** Where the data is, for messages (never a password). */
  databaseLocation: string;
  /** Base URL once listening, e.g. http://127.0.0.1:4010 */
  url: string;
  listen(): Promise<string>;
  /** Stops accepting requests, writes every pending count, event and log line, closes the database. */
  close(): Promise<void>;
  /** Runs the periodic writes now (tests use it instead of waiting). */
  housekeeping(): Promise<void>;
}

export async function createServer(options: ServerOptions): Promise<WorkspaceServer> {
  const now = options.now ?? (() => new Date());
  const log = openRequestLog(options.requestLog);
  const reportError = (message: string, error?: unknown) => logError(log, message, error);
  const opened = await openDatabase({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, onError: (error) => reportError("database connection lost", error) });
  const { db } = opened;
  const usage = new UsageTracker(db);
  const denied = new DeniedAggregator();
  const rateLimiter = new FailedAuthRateLimiter({ maxFailures: options.rateLimit?.maxFailures ?? 50, windowMs: options.rateLimit?.windowMs ?? 60_000 });
  const authCache = new KeyAuthCache();
  const changes = new KeyChangeFeed(opened, authCache, reportError);
  const keys = new KeyStore(db, usage, now, opened.kind, changes, authCache);
  const records = new RecordStore(db, now);
  const auth = new Authenticator({ db, keys, usage, denied, rateLimiter, now, nowIso: isoClock(options.now) });
  await changes.start();

  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
  }) as unknown as FastifyInstance;

  // JSON only (anything else is 415). Our own parser: an empty body is "no body" (for endpoints whose body is optional), and a
  // syntax error gets the API's error shape.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, text, done) => {
    if (text === "") return done(null, undefined);
    try {
      done(null, JSON.parse(text as string));
    } catch {
      done(new ApiError("invalid_request", "The body is not valid JSON."), undefined);
    }
  });

  app.addHook("onRequest", (request, reply, done) => {
    if (rateLimiter.isQuiet()) return done(); // no recent failure from anyone: nothing to look up
    const wait = rateLimiter.retryAfterSeconds(request.ip, now().getTime());
    if (wait === 0) return done();
    reply.header("retry-after", String(wait));
    done(new ApiError("rate_limited", `Too many failed authentications from ${request.ip}; try again in ${wait} s.`));
  });
  if (log) registerRequestLog(app, log);
  registerErrorHandling(app, reportError);

  const openApi = buildOpenApiDocument(SERVER_VERSION);
  app.get("/v1/openapi.json", async (request, reply) => {
    logAnswer(request, reply, 200);
    return openApi;
  });
  registerKeyRoutes(app, { db, auth, keys, usage, now });
  registerAuditRoutes(app, { db, auth });
  registerAuditExportRoutes(app, { db, auth, keys, records, now, dataDir: options.dataDir, serverVersion: SERVER_VERSION });
  registerResourceRoutes(app, { auth, records }, { unauthenticatedBaseline: options.unauthenticatedBaseline ?? false });

  let housekeepingRun: Promise<void> = Promise.resolve();
  const runHousekeeping = (everything: boolean) => {
    // One run at a time, in order; a run that failed (the database away) was reported to its own
    // caller and must not stop the runs after it.
    housekeepingRun = housekeepingRun.catch(() => undefined).then(async () => {
      await usage.flush();
      await writeDeniedEvents(db, denied, now(), everything);
      await keys.recordExpiries();
      rateLimiter.prune(now().getTime());
    });
    return housekeepingRun;
  };
  const timer = setInterval(() => {
    runHousekeeping(false).catch((error: unknown) => reportError("housekeeping failed; will retry", error));
  }, options.housekeepingMs ?? 1000);
  timer.unref();

  const server: WorkspaceServer = {
    app,
    db,
    keys,
    usage,
    changes,
    databaseKind: opened.kind,
    databaseDriver: opened.driver,
    databaseLocation: opened.location,
    url: "",
    async listen() {
      const address = await app.listen({ host: options.host ?? "127.0.0.1", port: options.port ?? 4010 });
      server.url = address.replace("localhost", "127.0.0.1");
      return server.url;
    },
    async close() {
      clearInterval(timer);
      await app.close();
      await changes.stop();
      try {
        await runHousekeeping(true);
      } finally {
        await db.destroy();
        await log?.close();
      }
    },
    housekeeping: () => runHousekeeping(false),
  };
  return server;
}

function openRequestLog(target: ServerOptions["requestLog"]): BufferedLogWriter | null {
  if (!target) return null;
  return "fd" in target ? new BufferedLogWriter(target.fd) : BufferedLogWriter.toFile(target.file);
}

async function writeDeniedEvents(db: Kysely<Database>, denied: DeniedAggregator, at: Date, everything: boolean): Promise<void> {
  const summaries = denied.take(at, everything);
  if (summaries.length === 0) return;
  try {
    await db.transaction().execute(async (trx) => {
      for (const summary of summaries) {
        await appendAuditEvent(trx, {
          type: "auth.denied",
          actor: "system",
          keyId: summary.keyId,
          at: at.toISOString(),
          data: { reason: summary.reason, count: summary.count, minute: summary.minute, clients: summary.clients },
        });
      }
    });
  } catch (error) {
    denied.restore(summaries);
    throw error;
  }
}
