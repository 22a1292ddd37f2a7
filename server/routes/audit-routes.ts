/** The admin endpoint that reads the audit chain. */
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
      listAuditEvents(deps.db, query.after ?? 0, query.limit ?? 100),
      chainHead(deps.db),
    ]);
    return { events, head };
  });
}
