/** Opaque list cursors: the (created_at, id) of the last item of a page. */
import { sql, type SelectQueryBuilder } from "kysely";
import type { Database } from "./db/schema";
import { ApiError } from "./http/api-error";

export interface CursorPosition {
  createdAt: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(`${position.createdAt}|${position.id}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): CursorPosition {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const [createdAt, id, ...rest] = text.split("|");
  if (!createdAt || !id || rest.length > 0 || Number.isNaN(Date.parse(createdAt))) {
    throw new ApiError("invalid_request", "query.cursor: is not a cursor this server gave out.");
  }
  return { createdAt, id };
}

type NewestFirstTable = "api_keys" | "records";

/**
 * One page of a list ordered newest first by (created_at, id), starting after `cursor`; the next
 * cursor is set only when another row exists. Keys and resource lists both page this way.
 */
export async function newestFirstPage<T extends NewestFirstTable, Row extends { created_at: string; id: string }>(
  query: SelectQueryBuilder<Database, T, Row>,
  limit: number,
  cursor: string | undefined,
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  let paged = query;
  if (cursor) {
    const after = decodeCursor(cursor);
    const created = sql.ref<string>("created_at");
    const id = sql.ref<string>("id");
    paged = paged.where(({ eb, or, and }) =>
      or([eb(created, "<", after.createdAt), and([eb(created, "=", after.createdAt), eb(id, "<", after.id)])]),
    );
  }
  const rows = await paged.orderBy(sql`created_at desc, id desc`).limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null };
}
