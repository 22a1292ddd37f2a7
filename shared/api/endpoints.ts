/**
 * Every endpoint of the Workspace Keys API in one table: the server registers its handlers from it,
 * the OpenAPI document is generated from it, and clients build typed calls from it.
 */
import { z } from "zod";
import * as api from "./schemas";
import * as res from "./resources";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";
export type EndpointAuth = "admin" | "api_key" | "none";

export interface Endpoint {
  method: HttpMethod;
  /** Fastify-style path: `:id` is a path parameter. */
  path: string;
  summary: string;
  auth: EndpointAuth;
  /** For API-key endpoints: the narrowest scope that may call it. */
  scope?: api.Scope;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Whether an empty body is taken as `{}`. */
  bodyOptional?: boolean;
  status: number;
  response?: z.ZodType;
}

const define = <T extends Record<string, Endpoint>>(table: T): T => table;

const resourceEndpoints = <K extends res.ResourceKind>(kind: K) => {
  const base = `/v1/${kind}`;
  return {
    list: { method: "GET", path: base, summary: `List ${kind}`, auth: "api_key", scope: "read", query: res.ResourceListQuery, status: 200, response: res.ResourceList },
    get: { method: "GET", path: `${base}/:id`, summary: `Get one of ${kind}`, auth: "api_key", scope: "read", status: 200, response: res.ResourceRecord },
    create: { method: "POST", path: base, summary: `Create one of ${kind}`, auth: "api_key", scope: "write", body: res.RESOURCE_KINDS[kind].create, status: 201, response: res.ResourceRecord },
    update: { method: "PATCH", path: `${base}/:id`, summary: `Change one of ${kind}`, auth: "api_key", scope: "write", body: res.RESOURCE_KINDS[kind].patch, status: 200, response: res.ResourceRecord },
    remove: { method: "DELETE", path: `${base}/:id`, summary: `Delete one of ${kind}`, auth: "api_key", scope: "write", status: 204 },
  } satisfies Record<string, Endpoint>;
};

export const RESOURCE_ENDPOINTS = {
  feedback: resourceEndpoints("feedback"),
  announcements: resourceEndpoints("announcements"),
  users: resourceEndpoints("users"),
};

export const ENDPOINTS = define({
  listKeys: { method: "GET", path: "/v1/api-keys", summary: "List API keys, newest first", auth: "admin", query: api.ListKeysQuery, status: 200, response: api.KeyList },
  createKey: { method: "POST", path: "/v1/api-keys", summary: "Create an API key; the secret is in this answer only", auth: "admin", body: api.CreateKeyBody, status: 201, response: api.CreatedKey },
  lookupKeys: { method: "POST", path: "/v1/api-keys/lookup", summary: "Which SHA-256 hashes are keys of this workspace", auth: "admin", body: api.LookupBody, status: 200, response: api.LookupResult },
  getKey: { method: "GET", path: "/v1/api-keys/:id", summary: "Get an API key", auth: "admin", status: 200, response: api.ApiKey },
  updateKey: { method: "PATCH", path: "/v1/api-keys/:id", summary: "Edit a key's name or description (409 for a revoked key)", auth: "admin", body: api.UpdateKeyBody, status: 200, response: api.ApiKey },
  revokeKey: { method: "POST", path: "/v1/api-keys/:id/revoke", summary: "Revoke an API key at once (idempotent)", auth: "admin", body: api.RevokeBody, status: 200, response: api.ApiKey },
  rotateKey: { method: "POST", path: "/v1/api-keys/:id/rotate", summary: "Create the key's successor; the old key works until revoked or its grace ends", auth: "admin", body: api.RotateBody, bodyOptional: true, status: 201, response: api.RotatedKey },
  scheduleKeyExpiry: { method: "POST", path: "/v1/api-keys/:id/schedule-expiry", summary: "Let an active key expire by itself graceSeconds from now (never later than an expiry it already has)", auth: "admin", body: api.ScheduleExpiryBody, status: 200, response: api.ApiKey },
  keyUsage: { method: "GET", path: "/v1/api-keys/:id/usage", summary: "Daily usage and clients of an API key", auth: "admin", query: api.UsageQuery, status: 200, response: api.KeyUsage },
  recentUsage: { method: "GET", path: "/v1/usage/recent", summary: "Refusals and clients of every key over the last days (default 7)", auth: "admin", query: api.RecentUsageQuery, status: 200, response: api.RecentUsage },
  auditEvents: { method: "GET", path: "/v1/audit-events", summary: "The hash-chained audit events", auth: "admin", query: api.AuditEventsQuery, status: 200, response: api.AuditEventList },
  auditExport: { method: "GET", path: "/v1/audit-export", summary: "The signed audit bundle: inventory, every event, the chain head", auth: "admin", status: 200, response: api.AuditBundle },
  workspaceInfo: { method: "GET", path: "/v1/workspace", summary: "The workspace's id, name and audit signing key", auth: "admin", status: 200, response: api.WorkspaceInfo },
  whoami: { method: "GET", path: "/v1/whoami", summary: "Which key this is; what a client calls to verify a key works", auth: "api_key", scope: "read", status: 200, response: api.Whoami },
  getSettings: { method: "GET", path: "/v1/settings", summary: "Workspace settings", auth: "api_key", scope: "full", status: 200, response: res.Settings },
  updateSettings: { method: "PATCH", path: "/v1/settings", summary: "Change workspace settings", auth: "api_key", scope: "full", body: res.SettingsPatch, status: 200, response: res.Settings },
});
