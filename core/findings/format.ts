/** The words and dates of findings' explanations: dates as UTC calendar dates, counts with their noun. */

/** "2026-05-01"; an ISO string is cut, not parsed (the engine formats thousands of them). */
export const day = (iso: string | number): string => (typeof iso === "string" ? iso : new Date(iso).toISOString()).slice(0, 10);

/** "2026-05-01 10:23 UTC" */
export const minute = (iso: string | number): string => {
  const text = typeof iso === "string" ? iso : new Date(iso).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
};

const integer = new Intl.NumberFormat("en");

export const plural = (n: number, one: string, other = `${one}s`): string => `${integer.format(n)} ${n === 1 ? one : other}`;

export const SCOPE_WORDS = { read: "read-only", write: "read and write", full: "full access" } as const;
