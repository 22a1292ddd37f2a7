/*
 * The OpenAPI 3.1 document, generated from the contract table and its zod schemas.
 * Protects against: a document that drifts from what the server checks (it is generated from the
 * same schemas). Does not protect against: nothing secret is in it; it names the admin token and
 * API key schemes only.
 */
import { z } from "zod";
import { ENDPOINTS, RESOURCE_ENDPOINTS, type Endpoint } from "../shared/api/endpoints";
import { ErrorBody } from "../shared/api/schemas";

type JsonObject = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: "input" | "output"): JsonObject => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonObject;
  return rest;
};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: schemaOf(ErrorBody, "output") } } });

function operation(name: string, endpoint: Endpoint): JsonObject {
  const parameters: JsonObject[] = [];
  for (const match of endpoint.path.matchAll(/:(\w+)/g)) {
    parameters.push({ name: match[1], in: "path", required: true, schema: { type: "string" } });
  }
  if (endpoint.query) {
    const query = schemaOf(endpoint.query, "input") as { properties?: Record<string, JsonObject>; required?: string[] };
    for (const [param, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name: param, in: "query", required: query.required?.includes(param) ?? false, schema });
    }
  }
  const responses: JsonObject = {
    [String(endpoint.status)]: endpoint.response
      ? { description: "Success", content: { "application/json": { schema: schemaOf(endpoint.response, "output") } } }
      : { description: "Success, no content" },
    "400": errorResponse("invalid_request"),
    "401": errorResponse("missing_credential, malformed_credential, unknown_credential, revoked_key or expired_key"),
    "403": errorResponse("insufficient_scope or wrong_credential_kind"),
    "429": errorResponse("rate_limited"),
    "503": errorResponse("unavailable: the workspace database is away for a moment (Retry-After)"),
  };
  if (endpoint.path.includes(":id")) responses["404"] = errorResponse("not_found");
  if (name === "rotateKey" || name === "scheduleKeyExpiry" || name === "updateKey") responses["409"] = errorResponse("conflict");
  return {
    operationId: name,
    summary: endpoint.summary,
    security: [{ [endpoint.auth === "admin" ? "adminToken" : "apiKey"]: endpoint.scope ? [endpoint.scope] : [] }],
    parameters,
    ...(endpoint.body
      ? { requestBody: { required: !endpoint.bodyOptional, content: { "application/json": { schema: schemaOf(endpoint.body, "input") } } } }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(version: string): JsonObject {
  const all: [string, Endpoint][] = [
    ...Object.entries(ENDPOINTS),
    ...Object.entries(RESOURCE_ENDPOINTS).flatMap(([kind, endpoints]) =>
      Object.entries(endpoints).map(([verb, endpoint]): [string, Endpoint] => [`${verb}${kind[0]!.toUpperCase()}${kind.slice(1)}`, endpoint]),
    ),
  ];
  const paths: Record<string, JsonObject> = {};
  for (const [name, endpoint] of all) {
    const path = endpoint.path.replace(/:(\w+)/g, "{$1}");
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operation(name, endpoint) };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Workspace Keys API", version, description: "Manage a workspace's API keys (admin token) and call its resources (API key)." },
    components: {
      securitySchemes: {
        adminToken: { type: "http", scheme: "bearer", description: "uo_adm_ admin token" },
        apiKey: { type: "http", scheme: "bearer", description: "uo_live_ or uo_test_ API key" },
      },
    },
    paths,
  };
}
