/** The database's tables as Kysely sees them. Times are ISO-8601 UTC strings, which sort as text. */
import type { Generated } from "kysely";

export interface ApiKeysTable {
  id: string;
  name: string;
  description: string;
  scope: string;
  environment: string;
  display: string;
  /** SHA-256 of the whole credential, lowercase hex. The secret itself is never stored. */
  secret_sha256: string;
  created_at: string;
  created_by: string;
  expires_at: string | null;
  revoked_at: string | null;
  revoked_reason: string | null;
  revoke_note: string | null;
  replaces_id: string | null;
  replaced_by_id: string | null;
  last_used_at: string | null;
  last_used_ip: string | null;
  last_used_user_agent: string | null;
  /** 1 once the key's expiry was written to the audit log. */
  expiry_recorded: Generated<number>;
  /** The admin token that created the key (its name is `created_by`). */
  created_by_token_id: string | null;
  /** The name of the admin token that revoked the key. */
  revoked_by: string | null;
  /** The last refused request with this key, and its error code. */
  last_refused_at: string | null;
  last_refused_reason: string | null;
  /** The last accepted GET, other method, and call to /v1/settings. */
  last_read_at: string | null;
  last_write_at: string | null;
  last_settings_at: string | null;
  /** The last accepted use on a UTC day before the day of `last_used_at`. */
  previous_use_at: string | null;
}

export interface AdminTokensTable {
  id: string;
  name: string;
  display: string;
  secret_sha256: string;
  created_at: string;
  revoked_at: string | null;
}

export interface UsageDailyTable {
  key_id: string;
  date: string;
  requests: number;
  denied: number;
  reads: number;
  writes: number;
  /** Accepted calls to /v1/settings (also counted in reads or writes). */
  settings: Generated<number>;
}

/** Refused requests per key, UTC day and reason (an error code). */
export interface UsageRefusalsTable {
  key_id: string;
  date: string;
  reason: string;
  count: number;
  last_at: string;
}

/** One row (id 1): raised by every change to a key's state, polled by every server process. */
export interface KeyChangesTable {
  id: number;
  generation: number;
}

export interface UsageClientsTable {
  key_id: string;
  ip: string;
  user_agent: string;
  first_seen_at: string;
  last_seen_at: string;
  requests: number;
}

export interface AuditEventsTable {
  seq: number;
  at: string;
  type: string;
  actor: string;
  key_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface RecordsTable {
  id: string;
  kind: string;
  fields: string;
  created_at: string;
  updated_at: string;
}

export interface MetaTable {
  name: string;
  value: string;
}

export interface Database {
  api_keys: ApiKeysTable;
  admin_tokens: AdminTokensTable;
  usage_daily: UsageDailyTable;
  usage_clients: UsageClientsTable;
  usage_refusals: UsageRefusalsTable;
  key_changes: KeyChangesTable;
  audit_events: AuditEventsTable;
  records: RecordsTable;
  meta: MetaTable;
}
