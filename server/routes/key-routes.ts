/** The admin endpoints for API keys, and the recent usage of all of them. */
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { ENDPOINTS } from "../../shared/api/endpoints";
import type { Authenticator, Principal } from "../auth/authenticator";
import type { Database } from "../db/schema";
import { ApiError } from "../http/api-error";
import { registerEndpoint } from "../http/register-endpoint";
import type { Actor, KeyStore } from "../keys/key-store";
import { readRecentUsage, readUsage } from "../usage/usage-report";
import type { UsageTracker } from "../usage/usage-tracker";

export interface KeyRouteDeps {
  db: Kysely<Database>;
  auth: Authenticator;
  keys: KeyStore;
  usage: UsageTracker;
  now: () => Date;
}

function actorOf(principal: Principal | null): Actor {
  if (principal?.kind !== "admin") throw new ApiError("wrong_credential_kind", "Only an admin token may do this.");
  return principal.actor;
}

export function registerKeyRoutes(app: FastifyInstance, deps: KeyRouteDeps): void {
  const { auth, keys } = deps;

  registerEndpoint(app, auth, ENDPOINTS.listKeys, async ({ query }) => keys.list({ status: query.status, limit: query.limit ?? 100, cursor: query.cursor }));

  registerEndpoint(app, auth, ENDPOINTS.createKey, async ({ body, principal }) => keys.create(body, actorOf(principal)));

  registerEndpoint(app, auth, ENDPOINTS.lookupKeys, async ({ body }) => ({ matches: await keys.lookup(body.sha256) }));

  registerEndpoint(app, auth, ENDPOINTS.getKey, async ({ params }) => keys.get(params.id!));

  registerEndpoint(app, auth, ENDPOINTS.updateKey, async ({ params, body, principal }) => keys.update(params.id!, body, actorOf(principal)));

  registerEndpoint(app, auth, ENDPOINTS.revokeKey, async ({ params, body, principal }) => keys.revoke(params.id!, body.reason, body.note, actorOf(principal)));

  registerEndpoint(app, auth, ENDPOINTS.rotateKey, async ({ params, body, principal }) =>
    keys.rotate(params.id!, { graceSeconds: body.graceSeconds, scope: body.scope }, actorOf(principal)),
  );

  registerEndpoint(app, auth, ENDPOINTS.scheduleKeyExpiry, async ({ params, body, principal }) => keys.scheduleExpiry(params.id!, body.graceSeconds, actorOf(principal)));

  registerEndpoint(app, auth, ENDPOINTS.keyUsage, async ({ params, query }) => {
    await keys.get(params.id!); // 404 for an unknown key
    await deps.usage.flush(); // answer with every request counted so far
    return readUsage(deps.db, params.id!, query.days ?? 30, deps.now());
  });

  registerEndpoint(app, auth, ENDPOINTS.recentUsage, async ({ query }) => {
    await deps.usage.flush();
    return readRecentUsage(deps.db, query.days ?? 7, deps.now());
  });
}
