/**
 * The SQL that folds one flush of a key's uses into its row: each "last ..." time only moves
 * forward, and the previous-day use is recomputed from what is stored and what the batch saw, in
 * one statement, so flushes from several processes in any order give the same row.
 */
import { sql, type RawBuilder } from "kysely";
import type { PendingUse } from "../keys/key-row";

const text = (value: string | null): RawBuilder<string | null> => sql<string | null>`cast(${value} as text)`;

/** The later of two ISO times, either possibly null. */
function laterOf(a: RawBuilder<string | null>, b: RawBuilder<string | null>): RawBuilder<string | null> {
  return sql<string | null>`case when ${a} is null then ${b} when ${b} is null then ${a} when ${a} >= ${b} then ${a} else ${b} end`;
}

/** The column's value, or `value` when that is later. */
function latest(column: string, value: string | null): RawBuilder<string | null> {
  return laterOf(sql.ref(column) as RawBuilder<string | null>, text(value));
}

/** `column` takes `value` only when `value` is later than `timeColumn` (e.g. the IP of the last use). */
function withLatest(timeColumn: string, at: string, column: string, value: string): RawBuilder<string | null> {
  const time = sql.ref(timeColumn);
  return sql<string | null>`case when ${time} is null or ${time} < ${text(at)} then ${text(value)} else ${sql.ref(column)} end`;
}

/** See combinePreviousUse in key-row.ts: the same rule, on the stored row. */
function previousUse(last: string, previousDay: string | null): RawBuilder<string | null> {
  const L = sql.ref("last_used_at") as RawBuilder<string | null>;
  const P = sql.ref("previous_use_at") as RawBuilder<string | null>;
  const Ln = text(last);
  const lnDay = text(last.slice(0, 10));
  const Pb = text(previousDay);
  return sql<string | null>`case when ${L} is null or ${L} < ${Ln}
    then (case when ${L} is not null and substr(${L}, 1, 10) < ${lnDay} then ${laterOf(L, Pb)} else ${laterOf(P, Pb)} end)
    else (case when ${lnDay} < substr(${L}, 1, 10) then ${laterOf(P, Ln)} else ${laterOf(P, Pb)} end) end`;
}

/** The `set` of the update that writes a batch's times into api_keys (null when there is nothing to write). */
export function keyUseColumns(use: PendingUse): Record<string, RawBuilder<string | null>> | null {
  const set: Record<string, RawBuilder<string | null>> = {};
  if (use.lastUse) {
    const { at, ip, userAgent } = use.lastUse;
    // previous_use_at first: every expression reads the row as it was before this update.
    set.previous_use_at = previousUse(at, use.previousDayUse);
    set.last_used_ip = withLatest("last_used_at", at, "last_used_ip", ip);
    set.last_used_user_agent = withLatest("last_used_at", at, "last_used_user_agent", userAgent);
    set.last_used_at = latest("last_used_at", at);
  }
  if (use.lastReadAt) set.last_read_at = latest("last_read_at", use.lastReadAt);
  if (use.lastWriteAt) set.last_write_at = latest("last_write_at", use.lastWriteAt);
  if (use.lastSettingsAt) set.last_settings_at = latest("last_settings_at", use.lastSettingsAt);
  if (use.lastRefused) {
    set.last_refused_reason = withLatest("last_refused_at", use.lastRefused.at, "last_refused_reason", use.lastRefused.reason);
    set.last_refused_at = latest("last_refused_at", use.lastRefused.at);
  }
  return Object.keys(set).length > 0 ? set : null;
}
