/*
 * Import from `.env` files: each value that is a key of this workspace becomes a vault entry
 * linked to it. Values are matched by SHA-256 through the workspace's lookup endpoint; the plan
 * shows what was found before anything is written.
 * Protects against: other secrets in the file reaching the server (only values in the workspace's
 * key format, checksum verified, are hashed and looked up; nothing is sent in clear), and secrets
 * reaching the renderer (the preview holds display forms only; the plan keeps the secrets in the
 * main process). Does not protect against: the .env file itself staying on disk.
 */
import { createHash } from "node:crypto";
import { findCredentials, displayForm } from "../../shared/credential";
import type { ApiKey, LookupResult } from "../../shared/api/schemas";
import type { NewEntry } from "../vault/entries";

export interface EnvVariable {
  line: number;
  name: string;
  value: string;
}

/** dotenv syntax: `[export ]NAME=value`, single/double quotes (escapes in double), `#` comments. */
export function parseDotenv(text: string): EnvVariable[] {
  const variables: EnvVariable[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(lines[i]!);
    if (!match) continue;
    const [, name, rest] = match as unknown as [string, string, string];
    let value: string;
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === "`") {
      let body = rest.slice(1);
      let end = closingQuote(body, quote);
      const start = i;
      while (end < 0 && i + 1 < lines.length) {
        body += `\n${lines[++i]}`; // a quoted value may span lines
        end = closingQuote(body, quote);
      }
      if (end < 0) {
        i = start;
        value = rest.trim();
      } else value = body.slice(0, end);
      if (quote === '"') value = value.replace(/\\(["\\n])/g, (_, c: string) => (c === "n" ? "\n" : c));
      variables.push({ line: start + 1, name, value });
      continue;
    }
    value = rest.replace(/\s+#.*$/, "").trim();
    variables.push({ line: i + 1, name, value });
  }
  return variables;
}

/** Index of the quote that ends a value; in double quotes, a backslash escapes the next character. */
function closingQuote(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (quote === '"' && body[i] === "\\") i += 1;
    else if (body[i] === quote) return i;
  }
  return -1;
}

export interface EnvFound {
  /** Stable reference for selecting what to import: `<file>:<line>:<variable>`. */
  ref: string;
  file: string;
  line: number;
  variable: string;
  keyId: string;
  keyName: string;
  display: string;
  scope: ApiKey["scope"];
  status: ApiKey["status"];
  /** The id of an entry that already holds this key (it will not be added again), or null. */
  alreadyInVault: string | null;
}

export interface EnvImportPreview {
  found: EnvFound[];
  /** Well-formed keys (checksum valid) that are not keys of this workspace. */
  notInWorkspace: Array<{ ref: string; file: string; line: number; variable: string; display: string }>;
  /** Values that are not in the workspace's key format: never hashed, never sent. */
  otherValues: number;
}

const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
const LOOKUP_BATCH = 1000;

/** Found keys, their secrets kept here (main process) until `newEntries` turns the chosen ones into entries. */
export class EnvImportPlan {
  readonly preview: EnvImportPreview;
  readonly #secrets: Map<string, string>;
  readonly #workspaceId: string | undefined;

  constructor(preview: EnvImportPreview, secrets: Map<string, string>, workspaceId: string | undefined) {
    this.preview = preview;
    this.#secrets = secrets;
    this.#workspaceId = workspaceId;
  }

  /** One entry per distinct key among `refs` (default: every found key not already in the vault). */
  newEntries(refs?: readonly string[]): NewEntry[] {
    const chosen = refs ? new Set(refs) : null;
    const seen = new Set<string>();
    const entries: NewEntry[] = [];
    for (const found of this.preview.found) {
      if (chosen ? !chosen.has(found.ref) : found.alreadyInVault !== null) continue;
      if (seen.has(found.keyId)) continue;
      seen.add(found.keyId);
      const meta: Record<string, string> = { keyId: found.keyId, display: found.display, scope: found.scope, source: `${found.file}:${found.variable}` };
      if (this.#workspaceId) meta.workspaceId = this.#workspaceId;
      entries.push({ kind: "api_key_secret", label: found.keyName, secret: this.#secrets.get(found.keyId)!, meta });
    }
    return entries;
  }
}

/**
 * Reads the files' variables, looks their workspace-format keys up by SHA-256 (`lookup` is the
 * workspace client's `lookupKeys`), and returns the plan. `existing`: the vault's entries, so
 * keys already kept are marked.
 */
export async function planEnvImport(
  files: ReadonlyArray<{ path: string; text: string }>,
  lookup: (sha256: string[]) => Promise<LookupResult>,
  options: { existing?: ReadonlyArray<{ id: string; meta?: Record<string, string> }>; workspaceId?: string } = {},
): Promise<EnvImportPlan> {
  const occurrences: Array<{ file: string; line: number; variable: string; credential: string; sha: string }> = [];
  let otherValues = 0;
  for (const file of files) {
    for (const variable of parseDotenv(file.text)) {
      const credentials = findCredentials(variable.value).filter((c) => !c.credential.startsWith("uo_adm_"));
      if (credentials.length === 0 && variable.value !== "") otherValues += 1;
      for (const { credential } of credentials) occurrences.push({ file: file.path, line: variable.line, variable: variable.name, credential, sha: sha256Hex(credential) });
    }
  }
  const hashes = [...new Set(occurrences.map((o) => o.sha))];
  const keys = new Map<string, ApiKey>();
  for (let i = 0; i < hashes.length; i += LOOKUP_BATCH) {
    const { matches } = await lookup(hashes.slice(i, i + LOOKUP_BATCH));
    for (const match of matches) keys.set(match.sha256, match.key);
  }
  const inVault = new Map<string, string>();
  for (const entry of options.existing ?? []) if (entry.meta?.keyId) inVault.set(entry.meta.keyId, entry.id);
  const preview: EnvImportPreview = { found: [], notInWorkspace: [], otherValues };
  const secrets = new Map<string, string>();
  for (const o of occurrences) {
    const ref = `${o.file}:${o.line}:${o.variable}`;
    const key = keys.get(o.sha);
    if (!key) {
      preview.notInWorkspace.push({ ref, file: o.file, line: o.line, variable: o.variable, display: displayForm(o.credential) });
      continue;
    }
    secrets.set(key.id, o.credential);
    preview.found.push({ ref, file: o.file, line: o.line, variable: o.variable, keyId: key.id, keyName: key.name, display: key.display, scope: key.scope, status: key.status, alreadyInVault: inVault.get(key.id) ?? null });
  }
  return new EnvImportPlan(preview, secrets, options.workspaceId);
}
