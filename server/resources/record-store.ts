/** Feedback, announcements and users: small records kept as JSON, listed newest first. */
import type { Kysely } from "kysely";
import type { ResourceKind } from "../../shared/api/resources";
import { DEFAULT_SETTINGS, type Settings } from "../../shared/api/resources";
import type { Database } from "../db/schema";
import { newestFirstPage } from "../cursor";
import { notFound } from "../http/api-error";
import { newId, type IdPrefix } from "../ids";

type Fields = Record<string, unknown>;
export type ResourceRecord = Fields & { id: string; createdAt: string; updatedAt: string };

const ID_PREFIX: Record<ResourceKind, IdPrefix> = { feedback: "fb", announcements: "ann", users: "usr" };
const SINGULAR: Record<ResourceKind, string> = { feedback: "Feedback", announcements: "Announcement", users: "User" };

export class RecordStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async list(kind: ResourceKind, limit: number, cursor: string | undefined): Promise<{ data: ResourceRecord[]; nextCursor: string | null }> {
    const query = this.db.selectFrom("records").selectAll().where("kind", "=", kind);
    const { rows, nextCursor } = await newestFirstPage(query, limit, cursor);
    return { data: rows.map(toRecord), nextCursor };
  }

  async get(kind: ResourceKind, id: string): Promise<ResourceRecord> {
    const row = await this.db.selectFrom("records").selectAll().where("kind", "=", kind).where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound(`${SINGULAR[kind]} ${id}`);
    return toRecord(row);
  }

  async create(kind: ResourceKind, fields: Fields): Promise<ResourceRecord> {
    const at = this.now().toISOString();
    const row = { id: newId(ID_PREFIX[kind]), kind, fields: JSON.stringify(fields), created_at: at, updated_at: at };
    await this.db.insertInto("records").values(row).execute();
    return toRecord(row);
  }

  async update(kind: ResourceKind, id: string, changes: Fields): Promise<ResourceRecord> {
    const current = await this.get(kind, id);
    const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = current;
    const at = this.now().toISOString();
    const merged = { ...fields, ...changes };
    await this.db.updateTable("records").set({ fields: JSON.stringify(merged), updated_at: at }).where("id", "=", id).execute();
    return { ...merged, id, createdAt: current.createdAt, updatedAt: at };
  }

  async remove(kind: ResourceKind, id: string): Promise<void> {
    const result = await this.db.deleteFrom("records").where("kind", "=", kind).where("id", "=", id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound(`${SINGULAR[kind]} ${id}`);
  }

  async settings(): Promise<Settings> {
    const row = await this.db.selectFrom("meta").select("value").where("name", "=", "settings").executeTakeFirst();
    return row ? { ...DEFAULT_SETTINGS, ...(JSON.parse(row.value) as Partial<Settings>) } : DEFAULT_SETTINGS;
  }

  async updateSettings(changes: Partial<Settings>): Promise<Settings> {
    const merged = { ...(await this.settings()), ...changes };
    await this.db
      .insertInto("meta")
      .values({ name: "settings", value: JSON.stringify(merged) })
      .onConflict((oc) => oc.column("name").doUpdateSet({ value: JSON.stringify(merged) }))
      .execute();
    return merged;
  }
}

function toRecord(row: { id: string; fields: string; created_at: string; updated_at: string }): ResourceRecord {
  return { ...(JSON.parse(row.fields) as Fields), id: row.id, createdAt: row.created_at, updatedAt: row.updated_at };
}
