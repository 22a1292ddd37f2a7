/**
 * The reference Workspace Keys API server: wires the stores, the authenticator and the routes
 * into Fastify, runs the once-a-second housekeeping (usage flush, denied-request events, expiry
 * events), and shuts down without losing a count.
 */
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { DeniedAggregator } from "./audit/denied-aggregator";
import { appendAuditEvent } from "./audit/audit-log";
import { Authenticator } from "./auth/authenticator";
import { FailedAuthRateLimiter, type RateLimitOptions } from "./auth/rate-limiter";
import { openSqlite } from "./db/connect";
import type { Database } from "./db/schema";
import { ApiError } from "./http/api-error";
import { KeyStore } from "./keys/key-store";
import { buildOpenApiDocument } from "./openapi";
import { RecordStore } from "./resources/record-store";
import { registerAuditRoutes } from "./routes/audit-routes";
import { registerKeyRoutes } from "./routes/key-routes";
import { registerResourceRoutes } from "./routes/resource-routes";
import { UsageTracker } from "./usage/usage-tracker";

export const SERVER_VERSION = "0.1.0";
export const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerOptions {
  dataDir: string;
  host?: string;
  port?: number;
  rateLimit?: Partial<RateLimitOptions>;
  /** How often usage counts and denied-request events are written; at most 5 s by the contract. */
  housekeepingMs?: number;
  logger?: boolean;
  /** Serve `GET /bench/v1/feedback` without authentication: for `npm run bench` only. */
  unauthenticatedBaseline?: boolean;
  /** Trust X-Forwarded-For from a load balancer in front. */
  trustProxy?: boolean;
  now?: () => Date;
}

export interface WorkspaceServer {
  app: FastifyInstance;
  db: Kysely<Database>;
  keys: KeyStore;
  usage: UsageTracker;
  databaseDriver: string;
  /** Base URL once listening, e.g. http://127.0.0.1:4010 */
  url: string;
  listen(): Promise<string>;
  /** Stops accepting requests, writes every pending count and event, closes the database. */
  close(): Promise<void>;
  /** Runs the periodic writes now (tests use it instead of waiting). */
  housekeeping(): Promise<void>;
}

export async function createServer(options: ServerOptions): Promise<WorkspaceServer> {
  const now = options.now ?? (() => new Date());
  const { db, driver } = await openSqlite(options.dataDir);
  const usage = new UsageTracker(db);
  const denied = new DeniedAggregator();
  const rateLimiter = new FailedAuthRateLimiter({ maxFailures: options.rateLimit?.maxFailures ?? 50, windowMs: options.rateLimit?.windowMs ?? 60_000 });
  const keys = new KeyStore(db, usage, now);
  const records = new RecordStore(db, now);
  const auth = new Authenticator({ db, keys, usage, denied, rateLimiter, now });

  const app = Fastify({
    logger: options.logger ? { level: "info", redact: ["req.headers.authorization"] } : false,
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
  });

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

  app.addHook("onRequest", async (request, reply) => {
    const wait = rateLimiter.retryAfterSeconds(request.ip, now().getTime());
    if (wait > 0) {
      reply.header("retry-after", String(wait));
      throw new ApiError("rate_limited", `Too many failed authentications from ${request.ip}; try again in ${wait} s.`);
    }
  });

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500) request.log.error({ err: error }, "request failed");
    if (apiError.status === 401) reply.header("www-authenticate", `Bearer error="invalid_token"`);
    reply.code(apiError.status).send(apiError.body());
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(new ApiError("not_found", `No endpoint ${request.method} ${request.url.split("?")[0]}.`).body());
  });

  const openApi = buildOpenApiDocument(SERVER_VERSION);
  app.get("/v1/openapi.json", async () => openApi);
  registerKeyRoutes(app, { db, auth, keys, usage, now });
  registerAuditRoutes(app, { db, auth });
  registerResourceRoutes(app, { auth, records }, { unauthenticatedBaseline: options.unauthenticatedBaseline ?? false });

  let housekeepingRun: Promise<void> = Promise.resolve();
  const runHousekeeping = (everything: boolean) => {
    housekeepingRun = housekeepingRun.then(async () => {
      await usage.flush();
      await writeDeniedEvents(db, denied, now(), everything);
      await keys.recordExpiries();
      rateLimiter.prune(now().getTime());
    });
    return housekeepingRun;
  };
  const timer = setInterval(() => {
    runHousekeeping(false).catch((error: unknown) => app.log.error({ err: error }, "housekeeping failed; will retry"));
  }, options.housekeepingMs ?? 1000);
  timer.unref();

  const server: WorkspaceServer = {
    app,
    db,
    keys,
    usage,
    databaseDriver: driver,
    url: "",
    async listen() {
      const address = await app.listen({ host: options.host ?? "127.0.0.1", port: options.port ?? 4010 });
      server.url = address.replace("localhost", "127.0.0.1");
      return server.url;
    },
    async close() {
      clearInterval(timer);
      await app.close();
      await runHousekeeping(true);
      await db.destroy();
    },
    housekeeping: () => runHousekeeping(false),
  };
  return server;
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

function toApiError(error: FastifyError | ApiError): ApiError {
  if (error instanceof ApiError) return error;
  const status = error.statusCode ?? 500;
  if (status === 413) return new ApiError("invalid_request", `The body is larger than ${MAX_BODY_BYTES} bytes (1 MiB).`, { status: 413 });
  if (status === 415) return new ApiError("invalid_request", "The body must be JSON, sent with content-type: application/json.", { status: 415 });
  if (status >= 400 && status < 500) return new ApiError("invalid_request", error.message);
  return new ApiError("internal_error", "The server failed to answer this request.");
}
