/** Opaque list cursors: the (created_at, id) of the last item of a page. */
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
