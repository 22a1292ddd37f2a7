/**
 * The keys table's filters as pure functions, so they are tested without a browser: what the
 * search matches, which keys the "show revoked" toggle hides, and the rotation and expiry filters
 * as one comparison per row on values the table caches.
 */
import type { ApiKey, KeyStatus, Scope } from "../../../../../shared/api/schemas";
import type { FindingKind } from "../../../../../shared/domain/findings";
import { addLocalDays, startOfLocalDay } from "../../../../../shared/domain/days";
import { DUE_SOON_DAYS } from "../../../../../shared/domain/rotation-policy";

export type RotationFilter = "any" | "overdue" | "soon";
export type ExpiryFilter = "any" | "soon" | "none";
/** Keys with any open finding, or with one of a kind. */
export type FindingFilter = "any" | "with" | FindingKind;

export type KeyFilters = {
  search: string;
  scope: Scope | "all";
  status: KeyStatus | "all";
  rotation: RotationFilter;
  expiry: ExpiryFilter;
  finding: FindingFilter;
  /** Revoked and expired keys are hidden unless this is on (or a status filter asks for them). */
  showRevoked: boolean;
};

export const NO_FILTERS: KeyFilters = { search: "", scope: "all", status: "all", rotation: "any", expiry: "any", finding: "any", showRevoked: false };

/** Whether a key with these open finding kinds passes the findings filter. */
export function findingMatches(kinds: ReadonlySet<FindingKind>, filter: Exclude<FindingFilter, "any">): boolean {
  return filter === "with" ? kinds.size > 0 : kinds.has(filter);
}

/** "Expiring in 14 days": the same window as "due soon". */
export const EXPIRING_SOON_DAYS = DUE_SOON_DAYS;

/**
 * Ids and display forms are random characters: a query of one or two matches them by chance
 * (typing "z" would match four keys in ten), so they are searched from this many characters on.
 */
export const CODE_QUERY_MIN = 3;

/** What the search box looks in, lower-cased: the words people wrote, and the key's id and display form (prefix, first six, last four). */
export interface SearchText {
  words: string;
  codes: string;
}

export function searchText(key: Pick<ApiKey, "name" | "description" | "id" | "display">): SearchText {
  return { words: `${key.name}\n${key.description}`.toLowerCase(), codes: `${key.id}\n${key.display}`.toLowerCase() };
}

/** `query` is trimmed and lower-cased already. */
export function matchesSearch(text: SearchText, query: string): boolean {
  return text.words.includes(query) || (query.length >= CODE_QUERY_MIN && text.codes.includes(query));
}

/** Whether the "show revoked" toggle lets this status through. An explicit status filter wins. */
export function statusVisible(status: KeyStatus, filters: Pick<KeyFilters, "status" | "showRevoked">): boolean {
  if (filters.status !== "all") return status === filters.status;
  return filters.showRevoked || status === "active";
}

/**
 * The rotation filter as one comparison on the creation time (one policy applies to every key, so
 * "due sooner" is "created earlier"): a key matches when it was created before the returned
 * instant. Overdue: due before today's midnight. Due within 14 days: due before the midnight that
 * ends the 14th day from today (overdue keys included: they are due too).
 */
export function createdBeforeFor(filter: RotationFilter, rotationDays: number, today: number): number | null {
  if (filter === "any") return null;
  const dueBefore = filter === "overdue" ? startOfLocalDay(today) : startOfLocalDay(today, DUE_SOON_DAYS + 1);
  // The creation time whose due time (rotationDays calendar days later) is `dueBefore`.
  return addLocalDays(dueBefore, -rotationDays);
}

/** The expiry filter as a range of expiry times: "soon" is from now to the end of the 14th day. */
export function expiryRange(filter: ExpiryFilter, now: number): { from: number; to: number } | "none" | null {
  if (filter === "any") return null;
  if (filter === "none") return "none";
  return { from: now, to: startOfLocalDay(now, EXPIRING_SOON_DAYS + 1) };
}
