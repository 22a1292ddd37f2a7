/** The resource endpoints (API keys, within scope): feedback, announcements, users, settings, whoami. */
import type { FastifyInstance } from "fastify";
import { ENDPOINTS, RESOURCE_ENDPOINTS } from "../../shared/api/endpoints";
import type { ResourceKind } from "../../shared/api/resources";
import type { Authenticator } from "../auth/authenticator";
import { registerEndpoint } from "../http/register-endpoint";
import type { RecordStore } from "../resources/record-store";

export interface ResourceRouteOptions {
  /** Also serve `GET /bench/v1/feedback` without authentication, as the benchmark's baseline. */
  unauthenticatedBaseline?: boolean;
}

export function registerResourceRoutes(app: FastifyInstance, deps: { auth: Authenticator; records: RecordStore }, options: ResourceRouteOptions = {}): void {
  const { auth, records } = deps;

  registerEndpoint(app, auth, ENDPOINTS.whoami, ({ principal }) => {
    if (principal?.kind !== "api_key") throw new Error("whoami reached without an API key");
    const { key } = principal;
    return { keyId: key.id, name: key.name, scope: key.scope, environment: key.environment };
  });

  for (const kind of Object.keys(RESOURCE_ENDPOINTS) as ResourceKind[]) {
    const endpoints = RESOURCE_ENDPOINTS[kind];
    const list = async ({ query }: { query: { limit?: number | undefined; cursor?: string | undefined } }) =>
      records.list(kind, query.limit ?? 100, query.cursor);
    registerEndpoint(app, auth, endpoints.list, list);
    if (kind === "feedback" && options.unauthenticatedBaseline) {
      registerEndpoint(app, auth, endpoints.list, list, { path: "/bench/v1/feedback", unauthenticated: true });
    }
    registerEndpoint(app, auth, endpoints.get, async ({ params }) => records.get(kind, params.id!));
    registerEndpoint(app, auth, endpoints.create, async ({ body }) => records.create(kind, body));
    registerEndpoint(app, auth, endpoints.update, async ({ params, body }) => records.update(kind, params.id!, body));
    registerEndpoint(app, auth, endpoints.remove, async ({ params }) => records.remove(kind, params.id!));
  }

  registerEndpoint(app, auth, ENDPOINTS.getSettings, async () => records.settings());
  registerEndpoint(app, auth, ENDPOINTS.updateSettings, async ({ body }) => records.updateSettings(body));
}
