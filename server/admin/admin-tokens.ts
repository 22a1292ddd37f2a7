/**
 * Admin tokens: the credentials that manage keys. Like API keys, only their SHA-256 is stored; the
 * token is printed once by the command that creates it.
 */
import type { Kysely, Selectable } from "kysely";
import { displayForm, generateCredential } from "../../shared/credential";
import { appendAuditEvent } from "../audit/audit-log";
import type { AdminTokensTable, Database } from "../db/schema";
import { newId } from "../ids";
import { sha256Hex } from "../keys/key-store";

export type AdminTokenRow = Selectable<AdminTokensTable>;

/**
 * Makes a new admin token. With `replace`, every other active token of the same name is revoked in
 * the same transaction: the desktop app mints one per start and keeps it in memory only.
 */
export async function createAdminToken(
  db: Kysely<Database>,
  name: string,
  now: Date,
  options: { replace?: boolean } = {},
): Promise<{ token: string; row: AdminTokenRow }> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) throw new Error("An admin token needs a name of 1 to 100 characters.");
  const token = generateCredential("admin");
  const row: AdminTokenRow = {
    id: newId("atk"),
    name: trimmed,
    display: displayForm(token),
    secret_sha256: sha256Hex(token),
    created_at: now.toISOString(),
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    if (options.replace) {
      await trx.updateTable("admin_tokens").set({ revoked_at: row.created_at }).where("name", "=", row.name).where("revoked_at", "is", null).execute();
    }
    await trx.insertInto("admin_tokens").values(row).execute();
    await appendAuditEvent(trx, {
      type: "admin_token.created",
      actor: "server-cli",
      at: row.created_at,
      data: { tokenId: row.id, name: row.name, display: row.display },
    });
  });
  return { token, row };
}

export function findAdminToken(db: Kysely<Database>, secretSha256: string): Promise<AdminTokenRow | undefined> {
  return db.selectFrom("admin_tokens").selectAll().where("secret_sha256", "=", secretSha256).executeTakeFirst();
}
