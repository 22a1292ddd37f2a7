/*
 * Authenticates every request: admin tokens on admin endpoints, API keys on resource endpoints,
 * within their scope. Protects against: malformed or mistyped credentials reaching storage (the
 * checksum is checked first), revoked or expired keys (refused on the next request), a key used
 * beyond its scope or kind, online guessing (failures feed the rate limiter). Does not protect
 * against a valid credential in the wrong hands: that is what revocation is for. Only SHA-256
 * hashes of credentials are looked up and compared (in constant time); no credential is logged or kept.
 */
import { timingSafeEqual } from "node:crypto";
import { ENDPOINTS, type Endpoint } from "../../shared/api/endpoints";
import type { Scope } from "../../shared/api/schemas";
import { parseCredential } from "../../shared/credential";
import type { Kysely } from "kysely";
import { findAdminToken, type AdminTokenRow } from "../admin/admin-tokens";
import type { DeniedAggregator } from "../audit/denied-aggregator";
import type { Database } from "../db/schema";
import { ApiError } from "../http/api-error";
import { statusOf, type KeyRow } from "../keys/key-row";
import { sha256Bytes, type Actor, type KeyStore } from "../keys/key-store";
import type { UsageTracker } from "../usage/usage-tracker";
import type { FailedAuthRateLimiter } from "./rate-limiter";

/** The index found the row by hash; this re-checks it without a secret-dependent early exit. */
function sameHash(stored: Buffer, presented: Buffer): boolean {
  return stored.length === presented.length && timingSafeEqual(stored, presented);
}

const SETTINGS_PATH = ENDPOINTS.getSettings.path;
const SCOPE_RANK: Record<Scope, number> = { read: 0, write: 1, full: 2 };
// Longest credential is 8 + 32 + 6 characters; anything much longer is refused unparsed.
const MAX_HEADER_LENGTH = 128;

export type Principal = { kind: "admin"; token: AdminTokenRow; actor: Actor } | { kind: "api_key"; key: KeyRow };

export interface RequestClient {
  ip: string;
  userAgent: string;
  method: string;
}

export interface AuthenticatorDeps {
  db: Kysely<Database>;
  keys: KeyStore;
  usage: UsageTracker;
  denied: DeniedAggregator;
  rateLimiter: FailedAuthRateLimiter;
  now: () => Date;
  /** The same clock as ISO text (server/clock.ts). */
  nowIso: () => string;
}

export class Authenticator {
  constructor(private readonly deps: AuthenticatorDeps) {}

  /**
   * The principal behind the request's credential. A cached key is answered synchronously (the hot
   * path: no database, no promise); anything else is read from the database.
   */
  authenticate(header: string | undefined, endpoint: Endpoint, client: RequestClient): Principal | Promise<Principal> {
    let keyId: string | null = null;
    try {
      const credential = bearerCredential(header);
      const digest = sha256Bytes(credential);
      const sha256 = digest.toString("hex");
      // A credential whose hash is a verified key's is that key, whose shape and checksum were
      // checked when it was first verified. Anything else is checked before any storage is touched.
      const hit = this.deps.keys.cachedForAuth(sha256);
      if (hit && sameHash(hit.hash, digest)) {
        keyId = hit.row.id;
        return this.accept(hit.row, endpoint, client);
      }
      const parsed = parseCredential(credential);
      if (!parsed.ok) throw new ApiError("malformed_credential", parsed.message);
      return this.authenticateStored(parsed.credential.kind, digest, sha256, endpoint, client);
    } catch (error) {
      if (error instanceof ApiError) this.recordRefusal(error, keyId, client);
      throw error;
    }
  }

  private async authenticateStored(kind: "admin_token" | "api_key", digest: Buffer, sha256: string, endpoint: Endpoint, client: RequestClient): Promise<Principal> {
    let keyId: string | null = null;
    try {
      if (kind === "admin_token") {
        const token = await findAdminToken(this.deps.db, sha256);
        if (!token || token.revoked_at !== null || !sameHash(Buffer.from(token.secret_sha256, "hex"), digest)) throw new ApiError("unknown_credential", "This admin token is not known to the workspace.");
        if (endpoint.auth !== "admin") {
          throw new ApiError("wrong_credential_kind", "An admin token cannot call resource endpoints: use an API key.");
        }
        return { kind: "admin", token, actor: { id: `admin_token:${token.id}`, name: token.name, tokenId: token.id } };
      }
      const loaded = await this.deps.keys.loadForAuth(sha256);
      if (!loaded || !sameHash(loaded.hash, digest)) throw new ApiError("unknown_credential", "This API key is not known to the workspace.");
      keyId = loaded.row.id;
      return this.accept(loaded.row, endpoint, client);
    } catch (error) {
      if (error instanceof ApiError) this.recordRefusal(error, keyId, client);
      throw error;
    }
  }

  /** A known key: refused if revoked, expired, out of scope or of the wrong kind; otherwise counted and accepted. */
  private accept(key: KeyRow, endpoint: Endpoint, client: RequestClient): Principal {
    // One clock read per request: the status check and the usage record share it.
    const at = this.deps.nowIso();
    this.checkKey(key, endpoint, at);
    this.deps.usage.record({
      keyId: key.id,
      at,
      ip: client.ip,
      userAgent: client.userAgent,
      accepted: true,
      write: endpoint.method !== "GET",
      settings: endpoint.path === SETTINGS_PATH,
    });
    return { kind: "api_key", key };
  }

  private checkKey(key: KeyRow, endpoint: Endpoint, nowIso: string): void {
    const status = statusOf(key, nowIso);
    if (status === "revoked") throw new ApiError("revoked_key", `API key ${key.id} was revoked.`);
    if (status === "expired") throw new ApiError("expired_key", `API key ${key.id} expired at ${key.expires_at}.`);
    if (endpoint.auth === "admin") {
      throw new ApiError("wrong_credential_kind", "An API key cannot manage keys or read audit data: use an admin token.");
    }
    const required = endpoint.scope ?? "read";
    if (SCOPE_RANK[key.scope as Scope] < SCOPE_RANK[required]) {
      throw new ApiError("insufficient_scope", `This endpoint needs a ${required} key; this key is ${key.scope}.`, { required });
    }
  }

  private recordRefusal(error: ApiError, keyId: string | null, client: RequestClient): void {
    const now = this.deps.now();
    if (error.isAuthenticationFailure()) this.deps.rateLimiter.recordFailure(client.ip, now.getTime());
    this.deps.denied.record(keyId, error.code, client.ip, now);
    if (keyId) {
      this.deps.usage.record({ keyId, at: now.toISOString(), ip: client.ip, userAgent: client.userAgent, accepted: false, write: client.method !== "GET", settings: false, reason: error.code });
    }
  }
}

function bearerCredential(header: string | undefined): string {
  if (header === undefined || header.trim() === "") {
    throw new ApiError("missing_credential", "Send a credential: Authorization: Bearer <credential>.");
  }
  if (header.length > MAX_HEADER_LENGTH) throw new ApiError("malformed_credential", "The Authorization header is too long to hold a credential.");
  const match = /^Bearer ([^\s]+)$/.exec(header.trim());
  if (!match) throw new ApiError("malformed_credential", "The Authorization header must be: Bearer <credential>.");
  return match[1]!;
}
