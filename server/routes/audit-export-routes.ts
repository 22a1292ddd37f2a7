/**
 * `GET /v1/audit-export` (the signed audit bundle, streamed) and `GET /v1/workspace` (who this
 * workspace is, and the public key that signs its bundles), both for admin tokens. The workspace id
 * and the signing key are loaded (or made, at first start) before the server accepts requests.
 */
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import { ENDPOINTS } from "../../shared/api/endpoints";
import type { WorkspaceInfo } from "../../shared/api/schemas";
import { auditBundleChunks, snapshotInventory } from "../audit/export-bundle";
import { loadSigningKey, type AuditSigningKey } from "../audit/signing-key";
import { ensureWorkspaceId } from "../audit/workspace-identity";
import type { Authenticator } from "../auth/authenticator";
import type { Database } from "../db/schema";
import { ApiError } from "../http/api-error";
import { registerEndpoint } from "../http/register-endpoint";
import { logAnswer } from "../http/request-log";
import type { KeyStore } from "../keys/key-store";
import type { RecordStore } from "../resources/record-store";

export interface AuditExportDeps {
  db: Kysely<Database>;
  auth: Authenticator;
  keys: KeyStore;
  records: RecordStore;
  now: () => Date;
  /** Where the signing key file lives. */
  dataDir: string;
  serverVersion: string;
}

export function registerAuditExportRoutes(app: FastifyInstance, deps: AuditExportDeps): void {
  let identity: { workspaceId: string; signingKey: AuditSigningKey } | null = null;
  app.addHook("onReady", async () => {
    const workspaceId = await ensureWorkspaceId(deps.db);
    identity = { workspaceId, signingKey: await loadSigningKey(deps.dataDir, deps.db) };
  });
  const ready = () => {
    if (!identity) throw new Error("The workspace identity is loaded when the server starts.");
    return identity;
  };

  registerEndpoint(app, deps.auth, ENDPOINTS.workspaceInfo, async (): Promise<WorkspaceInfo> => {
    const { workspaceId, signingKey } = ready();
    const settings = await deps.records.settings();
    return { workspaceId, name: settings.workspaceName, serverVersion: deps.serverVersion, signingKey: signingKey.info };
  });

  // Not registerEndpoint: the answer is a stream with its own headers, not a value to serialize.
  const endpoint = ENDPOINTS.auditExport;
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    handler: async (request, reply) => {
      await deps.auth.authenticate(request.headers.authorization, endpoint, {
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? "",
        method: endpoint.method,
      });
      const unknown = Object.keys((request.query as Record<string, unknown> | undefined) ?? {});
      if (unknown.length > 0) throw new ApiError("invalid_request", `Unknown query parameter${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`);
      const { workspaceId, signingKey } = ready();
      const settings = await deps.records.settings();
      const source = { db: deps.db, keys: deps.keys, now: deps.now, serverVersion: deps.serverVersion, workspaceId, workspaceName: settings.workspaceName, signingKey };
      const snapshot = await snapshotInventory(source);
      const fileName = `keyward-audit-${workspaceId.slice(0, 8)}-${snapshot.generatedAt.slice(0, 10)}.json`;
      reply
        .code(endpoint.status)
        .header("content-type", "application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store");
      // Streamed, so it does not pass through the endpoint wrapper that logs every other answer.
      logAnswer(request, reply, endpoint.status);
      return reply.send(Readable.from(auditBundleChunks(source, snapshot), { objectMode: false }));
    },
  });
}
