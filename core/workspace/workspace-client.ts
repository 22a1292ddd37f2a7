/*
 * The client of a workspace's Workspace Keys API. Every answer is checked against the contract's
 * schemas, so a server that is not a workspace cannot feed the app malformed data.
 * Protects against: the admin token or a key's secret leaking through the client (held in memory
 * only for the life of the connection, never logged; redirects refused, so a token is never sent
 * on to another host). Does not protect against: the server it was pointed at.
 */
import type { z } from "zod";
import { ENDPOINTS, type Endpoint } from "../../shared/api/endpoints";
import { ErrorBody, type ApiKey, type AuditEventList, type CreatedKey, type KeyUsage, type LookupResult, type RecentUsage, type RevokeReason, type RotatedKey, type Scope, type UpdateKeyBody, type Whoami, type WorkspaceInfo } from "../../shared/api/schemas";
import { IpcError } from "../../shared/ipc/errors";

export const CLIENT_USER_AGENT = "Keyward-Desktop/0.1";
const DEFAULT_TIMEOUT_MS = 10_000;
const PAGE_SIZE = 1000;

interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Defaults to the admin token. */
  credential?: string;
}

export class WorkspaceClient {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly adminToken: string,
    private readonly options: { timeoutMs?: number; userAgent?: string } = {},
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
  }

  /** Checks that the URL is a Workspace Keys API and that it accepts the admin token. */
  async verify(): Promise<void> {
    await this.call(ENDPOINTS.listKeys, { query: { limit: 1 } });
  }

  async listAllKeys(): Promise<ApiKey[]> {
    const keys: ApiKey[] = [];
    let cursor: string | null = null;
    do {
      const page: { keys: ApiKey[]; nextCursor: string | null } = await this.call(ENDPOINTS.listKeys, {
        query: { limit: PAGE_SIZE, cursor: cursor ?? undefined },
      });
      keys.push(...page.keys);
      cursor = page.nextCursor;
    } while (cursor);
    return keys;
  }

  createKey(body: { name: string; scope: Scope; environment?: "live" | "test"; description?: string; expiresAt?: string | null }): Promise<CreatedKey> {
    return this.call(ENDPOINTS.createKey, { body });
  }

  getKey(id: string): Promise<ApiKey> {
    return this.call(ENDPOINTS.getKey, { params: { id } });
  }

  revokeKey(id: string, reason: RevokeReason, note?: string): Promise<ApiKey> {
    return this.call(ENDPOINTS.revokeKey, { params: { id }, body: note ? { reason, note } : { reason } });
  }

  rotateKey(id: string, body: { graceSeconds?: number; scope?: Scope }): Promise<RotatedKey> {
    return this.call(ENDPOINTS.rotateKey, { params: { id }, body });
  }

  scheduleExpiry(id: string, graceSeconds: number): Promise<ApiKey> {
    return this.call(ENDPOINTS.scheduleKeyExpiry, { params: { id }, body: { graceSeconds } });
  }

  keyUsage(id: string, days: number): Promise<KeyUsage> {
    return this.call(ENDPOINTS.keyUsage, { params: { id }, query: { days } });
  }

  updateKey(id: string, body: UpdateKeyBody): Promise<ApiKey> {
    return this.call(ENDPOINTS.updateKey, { params: { id }, body });
  }

  /** Which of these SHA-256 hashes (lowercase hex, at most 1000) are keys of this workspace. */
  lookupKeys(sha256: string[]): Promise<LookupResult> {
    return this.call(ENDPOINTS.lookupKeys, { body: { sha256 } });
  }

  /** Refusals and clients of every key over the last `days` days. */
  recentUsage(days: number): Promise<RecentUsage> {
    return this.call(ENDPOINTS.recentUsage, { query: { days } });
  }

  auditEvents(query: { after?: number; before?: number; limit?: number; keyId?: string; type?: string; order?: "asc" | "desc" }): Promise<AuditEventList> {
    return this.call(ENDPOINTS.auditEvents, { query });
  }

  workspaceInfo(): Promise<WorkspaceInfo> {
    return this.call(ENDPOINTS.workspaceInfo);
  }

  /** Calls whoami with an API key: the check that a key works. */
  whoami(apiKey: string): Promise<Whoami> {
    return this.call(ENDPOINTS.whoami, { credential: apiKey });
  }

  /**
   * `GET /v1/audit-export` as it arrives (a bundle can be hundreds of megabytes, never held whole):
   * the raw answer, for the caller to stream to a file and to read refusals from. Sent with the
   * admin token to this workspace only (redirects refused). A network failure rejects.
   */
  streamAuditExport(signal: AbortSignal): Promise<Response> {
    return fetch(`${this.baseUrl}${ENDPOINTS.auditExport.path}`, {
      method: "GET",
      headers: { authorization: `Bearer ${this.adminToken}`, "user-agent": this.options.userAgent ?? CLIENT_USER_AGENT, accept: "application/json" },
      redirect: "error",
      signal,
    });
  }

  private async call<E extends Endpoint>(endpoint: E, options: CallOptions = {}): Promise<E["response"] extends z.ZodType ? z.output<E["response"]> : undefined> {
    const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(options.params?.[name] ?? ""));
    const url = new URL(this.baseUrl + path);
    for (const [name, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.credential ?? this.adminToken}`,
      "user-agent": this.options.userAgent ?? CLIENT_USER_AGENT,
      accept: "application/json",
    };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(url, {
        method: endpoint.method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        redirect: "error",
      });
    } catch (error) {
      throw unreachable(this.baseUrl, error);
    }
    const text = await response.text();
    let json: unknown = undefined;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        throw notAWorkspace(this.baseUrl, `it answered ${response.status} with something that is not JSON`);
      }
    }
    if (!response.ok) throw apiError(this.baseUrl, response.status, json);
    if (!endpoint.response) return undefined as never;
    const parsed = endpoint.response.safeParse(json);
    if (!parsed.success) throw notAWorkspace(this.baseUrl, "its answer does not match the Workspace Keys API");
    return parsed.data as never;
  }
}

function unreachable(baseUrl: string, error: unknown): IpcError {
  const details = error as { name?: string; cause?: { code?: string; message?: string } };
  if (details.cause?.message === "bad port") {
    return new IpcError("workspace_unreachable", `Cannot reach the workspace at ${baseUrl}: that port is reserved for other protocols, and HTTP clients refuse it.`);
  }
  const cause = details.cause?.code ?? details.name;
  const why: Record<string, string> = {
    ECONNREFUSED: "nothing is listening there (connection refused)",
    ENOTFOUND: "the host name does not resolve",
    EAI_AGAIN: "the host name could not be resolved right now",
    ECONNRESET: "the connection was reset",
    TimeoutError: "it did not answer within 10 seconds",
    EHOSTUNREACH: "the host is unreachable",
  };
  const reason = (cause && why[cause]) ?? "the connection failed";
  return new IpcError("workspace_unreachable", `Cannot reach the workspace at ${baseUrl}: ${reason}.`);
}

function notAWorkspace(baseUrl: string, why: string): IpcError {
  return new IpcError("not_a_workspace", `${baseUrl} does not look like a Keyward workspace: ${why}.`);
}

function apiError(baseUrl: string, status: number, json: unknown): IpcError {
  const parsed = ErrorBody.safeParse(json);
  if (!parsed.success) return notAWorkspace(baseUrl, `it answered HTTP ${status} without the API's error shape`);
  const { code, message } = parsed.data.error;
  if (status === 401 || code === "wrong_credential_kind") {
    return new IpcError("workspace_refused", `The workspace refused the credential: ${message}`, code);
  }
  if (code === "not_found") return new IpcError("not_found", message, code);
  return new IpcError("workspace_error", `The workspace answered: ${message}`, code);
}
