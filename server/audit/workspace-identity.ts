/**
 * Values a workspace makes once and every server process of it shares, kept in the database's
 * meta table: the workspace id (a UUID made at first start), and the audit signing public key.
 * Insert-if-absent, then read back: when two processes start at once, both keep the first writer's.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";

export const WORKSPACE_ID_META = "workspace_id";

export async function readMeta(db: Kysely<Database>, name: string): Promise<string | null> {
  const row = await db.selectFrom("meta").select("value").where("name", "=", name).executeTakeFirst();
  return row?.value ?? null;
}

/** Stores `value` under `name` unless a value is there already; answers the value that is kept. */
export async function keepFirstMeta(db: Kysely<Database>, name: string, value: string): Promise<string> {
  await db.insertInto("meta").values({ name, value }).onConflict((oc) => oc.column("name").doNothing()).execute();
  const kept = await readMeta(db, name);
  if (kept === null) throw new Error(`The workspace database did not keep its ${name}.`);
  return kept;
}

export async function ensureWorkspaceId(db: Kysely<Database>): Promise<string> {
  return (await readMeta(db, WORKSPACE_ID_META)) ?? keepFirstMeta(db, WORKSPACE_ID_META, randomUUID());
}
