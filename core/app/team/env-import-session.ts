/*
 * One `.env` import at a time: the files the user chose, previewed against the vault they will go
 * to (what was found, which values are keys of the connected workspace, which are already kept),
 * and written only when the user confirms the preview.
 * Protects against: a value reaching the renderer (the preview holds display forms; the values stay
 * in the plan, in this process, until written or discarded), a value that is not a key of this
 * workspace being sent anywhere (only key-format values are hashed and looked up, by SHA-256), and
 * writing a key twice (refs already kept are dropped). Does not protect against: the `.env` files
 * themselves, which stay where they are.
 */
import { readFile, stat } from "node:fs/promises";
import type { EnvImportView, ImportTarget } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import { planEnvImport, type EnvImportPlan } from "../../team-vault";
import type { NewEntry } from "../../vault/entries";
import type { LookupResult } from "../../../shared/api/schemas";

const MAX_FILE_BYTES = 1024 * 1024;

export interface EnvImportDeps {
  chooseFile(): Promise<string | null>;
  /** The connected workspace's lookup and its id (entries record it). */
  workspace(): { workspaceId: string; lookup: (sha256: string[]) => Promise<LookupResult> };
  /** The target vault's entries (metadata only), to mark keys already kept. */
  existing(target: ImportTarget): Promise<ReadonlyArray<{ id: string; meta?: Record<string, string> }>>;
}

export class EnvImportSession {
  #files: string[] = [];
  #target: ImportTarget = "personal";
  #plan: EnvImportPlan | null = null;

  constructor(private readonly deps: EnvImportDeps) {}

  /** Asks for one more file and previews them all; a cancelled dialog previews what was chosen before. */
  async chooseFile(target: ImportTarget): Promise<EnvImportView> {
    const file = await this.deps.chooseFile();
    if (file && !this.#files.includes(file)) this.#files.push(file);
    return this.preview(target);
  }

  async preview(target: ImportTarget): Promise<EnvImportView> {
    this.#target = target;
    this.#plan = null;
    const texts = await Promise.all(this.#files.map(async (path) => ({ path, text: await readText(path) })));
    const { workspaceId, lookup } = this.deps.workspace();
    const existing = await this.deps.existing(target);
    const plan = await planEnvImport(texts, lookup, { existing, workspaceId });
    this.#plan = plan;
    const { found, notInWorkspace, otherValues } = plan.preview;
    return {
      target,
      files: [...this.#files],
      found: found.map(({ ref, file, line, variable, keyId, keyName, display, scope, status, alreadyInVault }) => ({ ref, file, line, variable, keyId, keyName, display, scope, status, alreadyThere: alreadyInVault !== null })),
      notInWorkspace: notInWorkspace.map(({ ref, file, line, variable, display }) => ({ ref, file, line, variable, display })),
      otherValues,
    };
  }

  /** The entries to write for the chosen refs (keys already in the target left out), and the target. */
  entriesFor(refs: readonly string[]): { target: ImportTarget; entries: NewEntry[] } {
    const plan = this.#plan;
    if (!plan) throw new IpcError("not_found", "There is no .env import to write. Choose the files again.");
    const fresh = new Set(plan.preview.found.filter((found) => found.alreadyInVault === null).map((found) => found.ref));
    const chosen = refs.filter((ref) => fresh.has(ref));
    return { target: this.#target, entries: chosen.length > 0 ? plan.newEntries(chosen) : [] };
  }

  get target(): ImportTarget {
    return this.#target;
  }

  discard(): void {
    this.#files = [];
    this.#plan = null;
  }
}

async function readText(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new IpcError("wrong_file", `${path} is not a file.`);
    if (info.size > MAX_FILE_BYTES) throw new IpcError("wrong_file", `${path} is larger than 1 MB: that is not a .env file.`);
    return await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof IpcError) throw error;
    const code = (error as { code?: string }).code;
    throw new IpcError(code === "ENOENT" ? "not_found" : "io", code === "ENOENT" ? `${path} is not there any more. Choose the file again.` : `${path} could not be read.`);
  }
}
