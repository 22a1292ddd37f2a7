/*
 * Vault entries: their public types and the checks on what callers put in.
 * Protects against: malformed input reaching the file (ids, labels, kinds, sizes are bounded
 * here, so one bad call cannot make a vault that the next open refuses). Does not protect
 * against: a caller logging what `get()` returns; error messages here never include a secret.
 */
import { randomUUID } from "node:crypto";
import { VaultError } from "./errors";
import { VAULT_ENTRY_KINDS, type VaultEntryKind } from "../../shared/domain/vault-entries";
import { ENTRY_ID, ENTRY_KIND } from "./format";

/** The kinds this version writes: one list, in shared/domain, with each kind's metadata schema. */
export const KNOWN_ENTRY_KINDS: readonly VaultEntryKind[] = VAULT_ENTRY_KINDS;
export type KnownEntryKind = VaultEntryKind;
/**
 * The kinds this version writes, or a kind a newer Keyward wrote (kept as it is, never refused,
 * so an old app can still open and save a newer vault's entries).
 */
export type EntryKind = KnownEntryKind | (string & {});

/** What `list()` shows: everything but the secrets. */
export interface EntryInfo {
  id: string;
  kind: EntryKind;
  label: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** ISO 8601, UTC: the last change of label, kind, meta or secret. */
  updatedAt: string;
  meta?: Record<string, string>;
  /** How many previous secrets are kept (see `history()`). */
  historyCount: number;
}

/** A previous secret of an entry, kept when `updateSecret` replaced it (e.g. by a rotation). */
export interface PreviousSecret {
  secret: string;
  /** ISO 8601, UTC: when it stopped being the entry's secret. */
  replacedAt: string;
}

export interface NewEntry {
  /** Optional: a caller-chosen id (letters, digits, `_ . : -`, up to 128); a UUID otherwise. */
  id?: string;
  kind: KnownEntryKind;
  label: string;
  secret: string;
  meta?: Record<string, string>;
}

export interface EntryPatch {
  kind?: KnownEntryKind;
  label?: string;
  /** Replaces the whole meta map; `null` removes it. */
  meta?: Record<string, string> | null;
}

/** An entry with its secrets, as export, import and backup merging handle it. */
export interface FullEntry extends EntryInfo {
  secret: string;
  history: PreviousSecret[];
}

export const LIMITS = { labelChars: 200, secretChars: 1_000_000, metaKeys: 32, metaKeyChars: 64, metaValueChars: 2048 };
/** Previous secrets kept per entry; the oldest beyond this are dropped (90-day rotation: 5 years). */
export const DEFAULT_HISTORY_LIMIT = 20;

const invalid = (message: string) => new VaultError("invalid_input", message);

export function checkId(id: string | undefined): string {
  if (id === undefined) return randomUUID();
  if (typeof id !== "string" || !ENTRY_ID.test(id)) throw invalid("An entry id is 1 to 128 letters, digits, or _ . : - and starts with a letter or digit.");
  return id;
}

export function checkKind(kind: unknown): KnownEntryKind {
  if (typeof kind !== "string" || !ENTRY_KIND.test(kind) || !(KNOWN_ENTRY_KINDS as readonly string[]).includes(kind)) {
    throw invalid(`An entry kind is one of ${KNOWN_ENTRY_KINDS.join(", ")}.`);
  }
  return kind as KnownEntryKind;
}

export function checkLabel(label: unknown): string {
  if (typeof label !== "string" || label.trim() === "") throw invalid("An entry needs a label.");
  if (label.length > LIMITS.labelChars) throw invalid(`A label is at most ${LIMITS.labelChars} characters.`);
  return label;
}

export function checkSecret(secret: unknown): string {
  if (typeof secret !== "string" || secret === "") throw invalid("An entry needs a secret.");
  if (secret.length > LIMITS.secretChars) throw invalid(`A secret is at most ${LIMITS.secretChars} characters.`);
  return secret;
}

export function checkMeta(meta: unknown): Record<string, string> | undefined {
  if (meta === undefined || meta === null) return undefined;
  if (typeof meta !== "object" || Array.isArray(meta)) throw invalid("Entry meta is a map of strings to strings.");
  const entries = Object.entries(meta as Record<string, unknown>);
  if (entries.length > LIMITS.metaKeys) throw invalid(`Entry meta holds at most ${LIMITS.metaKeys} keys.`);
  for (const [key, value] of entries) {
    if (key === "" || key.length > LIMITS.metaKeyChars || typeof value !== "string" || value.length > LIMITS.metaValueChars) {
      throw invalid(`Entry meta keys are 1 to ${LIMITS.metaKeyChars} characters and values are strings of at most ${LIMITS.metaValueChars}.`);
    }
  }
  // fromEntries defines own properties, so a key such as "__proto__" stays a plain key.
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as Record<string, string>);
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/**
 * An entry with its secrets as an import brings it (every field kept: id, kind, label, meta,
 * times, secret, history), checked as strictly as a new one. A kind this version does not know is
 * kept if well-formed, as the vault keeps a newer version's kinds. Messages never hold a secret.
 */
export function checkFullEntry(entry: FullEntry): FullEntry {
  if (typeof entry !== "object" || entry === null) throw invalid("An imported entry is not an object.");
  if (entry.id === undefined) throw invalid("An imported entry needs its id.");
  const id = checkId(entry.id);
  if (typeof entry.kind !== "string" || !ENTRY_KIND.test(entry.kind)) throw invalid("An entry kind is lowercase letters, digits and _.");
  const label = checkLabel(entry.label);
  const secret = checkSecret(entry.secret);
  const meta = checkMeta(entry.meta);
  if (!Array.isArray(entry.history)) throw invalid("An entry's history is a list.");
  const dates = [entry.createdAt, entry.updatedAt, ...entry.history.map((previous) => previous?.replacedAt)];
  if (!dates.every((date) => typeof date === "string" && ISO_UTC.test(date))) throw invalid("An entry's dates are ISO 8601 UTC.");
  const history = entry.history.map((previous) => ({ secret: checkSecret(previous.secret), replacedAt: previous.replacedAt }));
  const checked: FullEntry = { id, kind: entry.kind, label, createdAt: entry.createdAt, updatedAt: entry.updatedAt, historyCount: history.length, secret, history };
  if (meta) checked.meta = meta;
  return checked;
}

export function checkPassphrase(passphrase: unknown, what = "passphrase"): string {
  if (typeof passphrase !== "string" || passphrase === "") throw invalid(`The ${what} must not be empty.`);
  return passphrase;
}

/** A copy the caller may change without touching the vault's own state. */
export function copyInfo(info: EntryInfo): EntryInfo {
  return info.meta ? { ...info, meta: { ...info.meta } } : { ...info };
}

export interface CheckedNewEntry {
  id: string;
  kind: KnownEntryKind;
  label: string;
  secret: string;
  meta: Record<string, string> | undefined;
}

export interface CheckedPatch {
  kind: KnownEntryKind | undefined;
  label: string | undefined;
  /** undefined: leave as is; null: remove. */
  meta: Record<string, string> | null | undefined;
}

export function checkNewEntry(input: NewEntry): CheckedNewEntry {
  return { id: checkId(input.id), kind: checkKind(input.kind), label: checkLabel(input.label), secret: checkSecret(input.secret), meta: checkMeta(input.meta) };
}

export function checkPatch(patch: EntryPatch): CheckedPatch {
  return {
    kind: patch.kind === undefined ? undefined : checkKind(patch.kind),
    label: patch.label === undefined ? undefined : checkLabel(patch.label),
    meta: patch.meta === undefined ? undefined : (checkMeta(patch.meta) ?? null),
  };
}
