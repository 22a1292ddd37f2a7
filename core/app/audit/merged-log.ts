/**
 * The audit log view's pages: the connected workspace's events and this app's own, merged newest
 * first. Each source is read a page at a time from where the last page stopped (a seq per source);
 * filters the server cannot apply (part of the actor, a date range) are applied here, scanning at
 * most a bounded number of the workspace's events per page, so a narrow filter over a million
 * events answers in time and "Load older" goes on from there.
 *
 * An event is only given once nothing unread in either source can be newer: a source that stopped
 * scanning (its budget spent) holds back the other's older events until the next page.
 */
import type { AuditEvent } from "../../../shared/api/schemas";
import type { AuditLogCursor, AuditLogEntry, AuditLogQuery, AuditLogSource } from "../../../shared/ipc/contract";

type Query = Omit<AuditLogQuery, "cursor" | "limit" | "source"> & { limit: number };

/** One page of a source, newest first: `before` undefined reads from the newest event. */
export type PageReader = (before: number | undefined, size: number) => Promise<{ events: AuditEvent[]; done: boolean }>;

/** Events of one source scanned per page of the view, at most (the workspace's: 20 server pages). */
const SCAN_BUDGET = 20_000;

interface SourceState {
  source: AuditLogSource;
  read: PageReader;
  /** Where the next read starts (undefined: the newest). */
  scannedBefore: number | undefined;
  done: boolean;
  /** Matches read and not yet given, newest first. */
  buffer: AuditEvent[];
  /** Time of the oldest event scanned so far: nothing unread of this source is newer. */
  frontier: string | null;
  scanned: number;
  pageSize: number;
  /** Where this source resumes if its buffer is not empty at the end. */
  resumeBefore: number | undefined;
}

export function matchesQuery(event: AuditEvent, query: Pick<Query, "keyId" | "type" | "actor" | "since" | "until">): boolean {
  return (
    (query.keyId === undefined || event.keyId === query.keyId) &&
    (query.type === undefined || event.type === query.type) &&
    (query.actor === undefined || event.actor.toLowerCase().includes(query.actor.toLowerCase())) &&
    (query.since === undefined || event.at >= query.since) &&
    (query.until === undefined || event.at <= query.until)
  );
}

export async function mergedPage(
  sources: { source: AuditLogSource; read: PageReader; cursor: number | null | undefined; pageSize: number }[],
  query: Query,
): Promise<{ entries: AuditLogEntry[]; next: AuditLogCursor | null }> {
  const states: SourceState[] = sources.map(({ source, read, cursor, pageSize }) => ({
    source,
    read,
    scannedBefore: cursor ?? undefined,
    done: cursor === null,
    buffer: [],
    frontier: null,
    scanned: 0,
    pageSize,
    resumeBefore: cursor ?? undefined,
  }));

  const fill = async (state: SourceState) => {
    while (state.buffer.length === 0 && !state.done && state.scanned < SCAN_BUDGET) {
      const page = await state.read(state.scannedBefore, state.pageSize);
      state.scanned += page.events.length;
      const last = page.events.at(-1);
      if (last) {
        state.scannedBefore = last.seq;
        state.frontier = last.at;
      }
      state.buffer.push(...page.events.filter((event) => matchesQuery(event, query)));
      // Events are written in time order: once a page reaches before the range, nothing older matches.
      state.done = page.done || page.events.length === 0 || last!.seq <= 1 || (query.since !== undefined && last!.at < query.since);
    }
  };

  const entries: AuditLogEntry[] = [];
  while (entries.length < query.limit) {
    await Promise.all(states.map(fill));
    const ready = states.filter((state) => state.buffer.length > 0);
    if (ready.length === 0) break;
    const newest = ready.reduce((best, state) => (state.buffer[0]!.at > best.buffer[0]!.at ? state : best));
    const head = newest.buffer[0]!;
    // A source that stopped scanning may still hold something newer than this beyond its frontier.
    const blocked = states.some((state) => state !== newest && state.buffer.length === 0 && !state.done && state.frontier !== null && head.at < state.frontier);
    if (blocked) break;
    newest.buffer.shift();
    newest.resumeBefore = head.seq;
    entries.push({ ...head, source: newest.source });
  }

  const cursors = Object.fromEntries(
    states.map((state) => {
      if (state.buffer.length > 0) return [state.source, state.resumeBefore ?? state.buffer[0]!.seq + 1];
      return [state.source, state.done ? null : (state.scannedBefore ?? null)];
    }),
  ) as Record<AuditLogSource, number | null>;
  const workspace = cursors.workspace ?? null;
  const app = cursors.app ?? null;
  return { entries, next: workspace === null && app === null ? null : { workspace, app } };
}
