/**
 * What the desktop shows of a team vault: members, former members, entries (no secrets) and the
 * change log, each as plain data built from a state.
 */
import type { EntryInfo } from "../vault/entries";
import type { EventData, EventType } from "./events";
import type { History } from "./history";
import { fingerprint, memberCardText } from "./identity";
import type { EntryRecord } from "./records";

export interface TeamMember {
  id: string;
  name: string;
  /** Compare out of band before trusting a member (see identity.ts). */
  fingerprint: string;
  /** Their member card, `keyward-member:1:…`. */
  card: string;
  isYou: boolean;
  addedAt: string;
  /** Name of the member who added them (themselves for the vault's creator). */
  addedBy: string;
}

export interface FormerMember {
  id: string;
  name: string;
  fingerprint: string;
  addedAt: string;
  removedAt: string;
  removedBy: string;
}

export interface TeamEntryInfo extends EntryInfo {
  /** Names of the members who created the entry and last changed it. */
  createdBy: string;
  updatedBy: string;
  /** Set on a conflict copy: the id of the entry it is a copy of. */
  conflictOf?: string;
}

/** One line of the change log, newest first in `changes()`. */
export interface TeamChange {
  revision: number;
  at: string;
  authorId: string;
  author: string;
  type: EventType;
  /** For entry changes: the entry and its label then. */
  entryId?: string;
  label?: string;
  /** For member changes: who was added or removed. */
  member?: string;
  /** For merges: how many entries kept both versions, and how many changes were refused. */
  conflicts?: number;
  refused?: number;
  /**
   * For an entry change a key rotation made: the new key put in (rotated), the old key put back
   * (restored: the rotation was cancelled), or the rotated-away secret dropped (retired: the
   * rotation finished); with the display form of the key the entry holds after it.
   */
  keyChange?: { kind: "rotated" | "restored" | "retired"; display: string | null };
}

type Meta = Record<string, string> | null | undefined;

/** What a change to an entry's secret and meta did to its workspace key, when a rotation made it. */
function keyChangeOf(before: Meta, after: Meta, secretChanged: boolean): TeamChange["keyChange"] {
  const display = after?.display ?? null;
  if (!before?.keyId || !after?.keyId) return undefined;
  if (secretChanged && after.keyId !== before.keyId && after.previousKeyId === before.keyId) return { kind: "rotated", display };
  if (secretChanged && after.keyId === before.previousKeyId) return { kind: "restored", display };
  // Dropping the history counts as a secret change in the event: the meta tells it apart.
  if (after.keyId === before.keyId && before.previousKeyId && !after.previousKeyId) return { kind: "retired", display };
  return undefined;
}

/** Every name a member id ever had in this history (former members included). */
export function memberNames(history: History): Map<string, string> {
  const names = new Map<string, string>();
  for (const event of history.events) {
    if (event.type === "vault.create" || event.type === "member.add") {
      const { member } = event.data as EventData<"member.add">;
      names.set(member.id, member.name);
    }
  }
  return names;
}

export function membersView(history: History, you: string): TeamMember[] {
  const names = memberNames(history);
  return [...history.members().values()]
    .map(({ member, addedAt, addedBy }) => ({
      id: member.id,
      name: member.name,
      fingerprint: fingerprint(member),
      card: memberCardText(member),
      isYou: member.id === you,
      addedAt,
      addedBy: names.get(addedBy) ?? addedBy,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export function formerMembersView(history: History): FormerMember[] {
  const names = memberNames(history);
  return [...history.formerMembers().values()]
    .map(({ add, removedAt, removedBy }) => ({
      id: add.member.id,
      name: add.member.name,
      fingerprint: fingerprint(add.member),
      addedAt: add.addedAt,
      removedAt,
      removedBy: names.get(removedBy) ?? removedBy,
    }))
    .sort((a, b) => b.removedAt.localeCompare(a.removedAt));
}

export function entryView(record: EntryRecord, names: ReadonlyMap<string, string>): TeamEntryInfo {
  const info: TeamEntryInfo = {
    id: record.id,
    kind: record.kind,
    label: record.label,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    historyCount: record.historyCount,
    createdBy: names.get(record.createdBy) ?? record.createdBy,
    updatedBy: names.get(record.updatedBy) ?? record.updatedBy,
  };
  if (record.meta) info.meta = { ...record.meta };
  if (record.conflictOf) info.conflictOf = record.conflictOf;
  return info;
}

export function changesView(history: History): TeamChange[] {
  const names = memberNames(history);
  // Each entry's meta as of the event being read, to tell what a change did to its key.
  const metas = new Map<string, Meta>();
  return history.events
    .map((event) => {
      const change: TeamChange = { revision: event.rev, at: event.at, authorId: event.author, author: names.get(event.author) ?? event.author, type: event.type };
      const data = event.data as Partial<EventData<"entry.add"> & EventData<"entry.change"> & EventData<"member.remove"> & EventData<"member.add"> & EventData<"merge">>;
      if (data.entryId !== undefined) {
        Object.assign(change, { entryId: data.entryId, label: data.label });
        if (event.type === "entry.change") {
          const keyChange = keyChangeOf(metas.get(data.entryId), data.meta, data.secretChanged ?? false);
          if (keyChange) change.keyChange = keyChange;
        }
        metas.set(data.entryId, data.meta);
      }
      if (data.member) change.member = data.member.name;
      if (data.memberId) change.member = names.get(data.memberId) ?? data.memberId;
      if (event.type === "merge") Object.assign(change, { conflicts: data.conflicts?.length ?? 0, refused: data.refused?.length ?? 0 });
      return change;
    })
    .reverse();
}
