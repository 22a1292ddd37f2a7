/**
 * Starts a real reference server on a loopback port, for tests: SQLite in a temporary folder, or
 * PostgreSQL when `databaseUrl` is given (server-fixtures.ts runs the server tests on both).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAdminToken } from "../../server/admin/admin-tokens";
import { createServer, type ServerOptions, type WorkspaceServer } from "../../server/app";
import type { CreatedKey, Scope } from "../../shared/api/schemas";

export interface TestWorkspace {
  server: WorkspaceServer;
  url: string;
  dataDir: string;
  adminToken: string;
  call(method: string, route: string, options?: CallOptions): Promise<Answer>;
  createKey(scope: Scope, name?: string, extra?: Record<string, unknown>): Promise<CreatedKey>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any answer shape
  headers: Headers;
}

export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `keyward-${label}-`));
}

export async function startWorkspace(options: Partial<ServerOptions> = {}, dataDir = tempDir("server")): Promise<TestWorkspace> {
  let server = await createServer({ dataDir, port: 0, housekeepingMs: 200, ...options });
  const { token: adminToken } = await createAdminToken(server.db, "test-admin", new Date());
  await server.listen();

  const workspace: TestWorkspace = {
    server,
    url: server.url,
    dataDir,
    adminToken,
    async call(method, route, callOptions = {}) {
      const headers: Record<string, string> = { ...callOptions.headers };
      const token = callOptions.token === undefined ? adminToken : callOptions.token;
      if (token !== null) headers.authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (callOptions.rawBody !== undefined) body = callOptions.rawBody;
      else if (callOptions.body !== undefined) body = JSON.stringify(callOptions.body);
      if (body !== undefined && !headers["content-type"]) headers["content-type"] = "application/json";
      const response = await fetch(workspace.url + route, { method, headers, body });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
    },
    async createKey(scope, name = `integration-${scope}`, extra = {}) {
      const answer = await workspace.call("POST", "/v1/api-keys", { body: { name, scope, ...extra } });
      if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body as CreatedKey;
    },
    async restart() {
      await server.close();
      server = await createServer({ dataDir, port: 0, housekeepingMs: 200, ...options });
      await server.listen();
      workspace.server = server;
      workspace.url = server.url;
    },
    async stop() {
      await server.close();
    },
  };
  return workspace;
}
