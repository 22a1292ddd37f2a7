/**
 * Exports keys (the keys table's visible rows) as CSV or JSON: public fields only, never a secret.
 * The CSV's columns are documented in docs/reports.md; values are written by papaparse, so names
 * with commas, quotes or line breaks stay in their cell, and cells that start with = + - @ are
 * prefixed with ' so a spreadsheet never runs them as formulas.
 */
import Papa from "papaparse";
import type { ApiKey } from "../../../shared/api/schemas";

export const KEY_EXPORT_COLUMNS = [
  "id",
  "name",
  "description",
  "scope",
  "environment",
  "display",
  "status",
  "createdAt",
  "createdBy",
  "expiresAt",
  "revokedAt",
  "revokedReason",
  "revokedBy",
  "revokedNote",
  "lastUsedAt",
  "lastUsedIp",
  "lastUsedUserAgent",
  "lastRefusedAt",
  "lastRefusedReason",
  "replacesId",
  "replacedById",
] as const satisfies readonly (keyof ApiKey)[];

const FORMULA_START = /^[=+\-@\t\r]/;
const safeCell = (value: string | null): string => (value === null ? "" : FORMULA_START.test(value) ? `'${value}` : value);

export function keysToCsv(keys: readonly ApiKey[]): string {
  const rows = keys.map((key) => KEY_EXPORT_COLUMNS.map((column) => safeCell(key[column])));
  return Papa.unparse({ fields: [...KEY_EXPORT_COLUMNS], data: rows }, { newline: "\r\n" });
}

export function keysToJson(keys: readonly ApiKey[], exportedAt: string, workspace: { id: string; name: string; url: string }): string {
  return `${JSON.stringify({ format: "keyward-keys", version: 1, exportedAt, workspace, keys }, null, 2)}\n`;
}
