/**
 * The rows the keys table works on: each key with the values its filters and sorts compare,
 * computed once per list (never per keystroke): its search text, whether the rotation policy
 * applies to it, its creation and expiry times.
 */
import type { ApiKey } from "../../../../../shared/api/schemas";
import { rotatableKeyIds } from "../../../../../shared/domain/rotation-policy";
import { searchText } from "./filters";

export interface KeyRow {
  key: ApiKey;
  search: string;
  rotatable: boolean;
  createdMs: number;
  expiresMs: number | null;
}

export function toKeyRows(keys: readonly ApiKey[]): KeyRow[] {
  const rotatable = rotatableKeyIds(keys);
  return keys.map((key) => ({
    key,
    search: searchText(key),
    rotatable: rotatable.has(key.id),
    createdMs: Date.parse(key.createdAt),
    expiresMs: key.expiresAt ? Date.parse(key.expiresAt) : null,
  }));
}
