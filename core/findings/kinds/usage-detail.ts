/**
 * Whether the server reports how a key was used (read, write, settings and previous-use times).
 * Every accepted request sets a read or a write time, so a used key with neither comes from a
 * server without that detail: the findings that need it stay silent rather than guess.
 */
import type { ApiKey } from "../../../shared/api/schemas";

export function hasUseDetail(key: ApiKey): boolean {
  return key.lastUsedAt === null || key.lastReadAt !== null || key.lastWriteAt !== null;
}

/** The time, if it is in the window (at or after its start). */
export const within = (iso: string | null, startMs: number): string | null => (iso !== null && Date.parse(iso) >= startMs ? iso : null);
