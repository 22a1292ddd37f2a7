/** The admin endpoint that reads the audit chain: in order, or newest first, for one key or one type. */
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { ENDPOINTS } from "../../shared/api/endpoints";
import { chainHead, listAuditEvents } from "../audit/audit-log";
import type { Authenticator } from "../auth/authenticator";
import type { Database } from "../db/schema";
import { registerEndpoint } from "../http/register-endpoint";

export function registerAuditRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; auth: Authenticator }): void {
  registerEndpoint(app, deps.auth, ENDPOINTS.auditEvents, async ({ query }) => {
    const [events, head] = await Promise.all([
      listAuditEvents(deps.db, {
        after: query.after,
        before: query.before,
        keyId: query.keyId,
        type: query.type,
        order: query.order,
        limit: query.limit ?? 100,
      }),
      chainHead(deps.db),
    ]);
    return { events, head };
  });
}
