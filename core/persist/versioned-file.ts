/**
 * The small JSON files the app keeps beside the vault (preferences, rotations in progress,
 * reminders shown, dismissed findings, reviews...): each with a schema version and a migration
 * path, read once at start, and written with the vault's atomic write (temporary file, fsync,
 * rename, fsync of the folder; mode 0600). A change is saved before it is answered; a failed save
 * (a full disk, a read-only folder) leaves memory and disk as they were and says why. A damaged
 * file is moved aside, never overwritten, and the app starts from defaults. Never holds a secret.
 */
import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { IpcError } from "../../shared/ipc/errors";
import { writeFileAtomic } from "../vault/atomic-write";
import { ioError } from "../vault/errors";
import { createLog } from "../log";

const log = createLog("files");

export interface VersionedFileSpec<T> {
  /** What the file holds, in words, for messages: "your settings", "rotations in progress". */
  what: string;
  file: string;
  version: number;
  /** The content of the current version, without `schemaVersion`. Fields should repair themselves (`.catch`). */
  schema: z.ZodType<T>;
  /** `migrations[n]` turns content of version n into version n + 1. Version 0 is a file written before versions existed. */
  migrations?: Record<number, (content: Record<string, unknown>) => Record<string, unknown>>;
  defaults: () => T;
  /** For a file that did not exist yet: content to start from instead of the defaults (a split of an older file). */
  seed?: () => unknown;
}

type Loaded<T> = { value: T; needsSave: boolean; newerVersion: number | null };

export class VersionedFile<T> {
  #value: T;
  #needsSave: boolean;
  readonly #newerVersion: number | null;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly spec: VersionedFileSpec<T>) {
    const loaded = load(spec);
    this.#value = loaded.value;
    this.#needsSave = loaded.needsSave;
    this.#newerVersion = loaded.newerVersion;
  }

  get(): T {
    return this.#value;
  }

  /** Applies a change and saves it; resolves with the new content once it is on disk. */
  update(change: (current: T) => T): Promise<T> {
    const run = async () => {
      const next = this.spec.schema.parse(change(this.#value));
      await this.#write(next);
      this.#value = next;
      this.#needsSave = false;
      return next;
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Writes the file if it was migrated or seeded on load, so the newer form is what stays on disk. */
  async saveIfMigrated(): Promise<void> {
    if (this.#needsSave && this.#newerVersion === null) await this.update((current) => current);
  }

  async #write(content: T): Promise<void> {
    if (this.#newerVersion !== null) {
      throw new IpcError("io", `Keyward cannot save ${this.spec.what}: ${this.spec.file} was written by a newer Keyward (version ${this.#newerVersion}). Update Keyward.`);
    }
    const bytes = Buffer.from(`${JSON.stringify({ schemaVersion: this.spec.version, ...(content as object) }, null, 2)}\n`, "utf8");
    try {
      fs.mkdirSync(path.dirname(this.spec.file), { recursive: true, mode: 0o700 });
      const { durable } = await writeFileAtomic(this.spec.file, bytes, { mode: 0o600 });
      if (!durable) log.warn(`saved ${path.basename(this.spec.file)}, but its folder could not be flushed to disk`);
    } catch (error) {
      throw new IpcError("io", ioError(error, `save ${this.spec.what}`).message.replace(" The vault file on disk is unchanged.", ""));
    }
  }
}

function load<T>(spec: VersionedFileSpec<T>): Loaded<T> {
  let raw: string;
  try {
    raw = fs.readFileSync(spec.file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") log.warn(`could not read ${path.basename(spec.file)} (${(error as NodeJS.ErrnoException).code ?? "error"}); starting from defaults`);
    const seeded = spec.seed?.();
    if (seeded === undefined) return { value: spec.defaults(), needsSave: false, newerVersion: null };
    return { value: spec.schema.parse(seeded), needsSave: true, newerVersion: null };
  }
  let content: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    content = parsed as Record<string, unknown>;
  } catch {
    setAside(spec.file);
    return { value: spec.defaults(), needsSave: false, newerVersion: null };
  }
  const { schemaVersion, ...fields } = content;
  const version = typeof schemaVersion === "number" && Number.isInteger(schemaVersion) ? schemaVersion : 0;
  if (version > spec.version) {
    log.warn(`${path.basename(spec.file)} is version ${version}, newer than this Keyward reads (${spec.version}); it is read as far as possible and not written`);
    return { value: spec.schema.parse(fields), needsSave: false, newerVersion: version };
  }
  let migrated = fields;
  for (let from = version; from < spec.version; from++) {
    const step = spec.migrations?.[from];
    if (step) migrated = step(migrated);
  }
  return { value: spec.schema.parse(migrated), needsSave: version !== spec.version, newerVersion: null };
}

/** Keeps a damaged file for the user to look at; the app goes on from defaults. */
function setAside(file: string): void {
  const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  try {
    fs.renameSync(file, aside);
    log.warn(`${path.basename(file)} was not valid JSON; it was moved to ${path.basename(aside)} and defaults are used`);
  } catch {
    log.warn(`${path.basename(file)} was not valid JSON and could not be moved aside; defaults are used`);
  }
}

/** A file of the app's data folder: `name` there ("reminders.json"), with its spec. */
export function stateFile<T>(dataDir: string, name: string, spec: Omit<VersionedFileSpec<T>, "file">): VersionedFile<T> {
  return new VersionedFile({ ...spec, file: path.join(dataDir, name) });
}
