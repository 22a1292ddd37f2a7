/** The words and dates of findings' explanations: dates as UTC calendar dates, counts with their noun. */

export const day = (iso: string | number): string => new Date(iso).toISOString().slice(0, 10);

/** "2026-05-01 10:23 UTC" */
export const minute = (iso: string | number): string => `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`;

export const plural = (n: number, one: string, other = `${one}s`): string => `${n.toLocaleString("en")} ${n === 1 ? one : other}`;

export const SCOPE_WORDS = { read: "read-only", write: "read and write", full: "full access" } as const;
