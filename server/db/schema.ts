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
  audit_events: AuditEventsTable;
  records: RecordsTable;
  meta: MetaTable;
}
