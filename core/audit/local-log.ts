/*
 * Keyward's own audit log: its security actions (vault created, unlocked, locked, exported; secret
 * copied; keys generated, rotated, revoked from this app; …) as hash-chained JSON lines in the data
 * folder, by the same chain rule as the server's (hash = SHA-256 of prevHash + canonical JSON of the
 * event without its hash). Never holds a secret: data is checked against strict shapes and refused
 * when a string looks like a credential. Crash-safe: one write per line, then fsync; a line torn by
 * a crash is found at open, kept aside, and recorded in the chain, never dropped in silence. The
 * chain shows edits and removals in the middle; someone able to rewrite the whole file can forge it
 * (it is not signed), unless the caller remembers the head and passes it to verify().
 */
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { AuditEvent, ChainHead } from "../../shared/api/schemas";
import { GENESIS_HASH, chainInput } from "../../shared/audit-chain";
import { canonicalJson } from "../../shared/canonical-json";
import { LOCAL_EVENT_DATA, credentialIn, type LocalEventData, type LocalEventType } from "./local-log-events";
import { verifyLogLines, type LocalLogVerification } from "./local-log-verify";

export const LOCAL_LOG_FILE = "audit-log.jsonl";

export interface LocalLogOptions {
  now?: () => Date;
  /** Who acts, as written in each event (default "keyward-desktop"). */
  actor?: string;
}

export interface LocalLogFilter {
  type?: string | undefined;
  keyId?: string | undefined;
  actor?: string | undefined;
  /** ISO times, inclusive. */
  since?: string | undefined;
  until?: string | undefined;
  /** Only events with a seq below this (paging newest first). */
  before?: number | undefined;
  limit?: number | undefined;
}

export interface TornTail {
  bytes: number;
  sha256: string;
  /** Where the torn bytes were kept. */
  savedTo: string;
}

export class LocalAuditLogError extends Error {}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

export class LocalAuditLog {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private handle: fs.FileHandle,
    private head: ChainHead,
    /** The torn last line found and set aside when the log was opened, if any. */
    readonly recovered: TornTail | null,
    private readonly options: LocalLogOptions,
  ) {}

  /** Opens (or creates) the log in `dataDir`; a torn last line is kept aside and recorded. */
  static async open(dataDir: string, options: LocalLogOptions = {}): Promise<LocalAuditLog> {
    await fs.mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, LOCAL_LOG_FILE);
    const content = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? Buffer.alloc(0) : Promise.reject(error)));
    const complete = content.lastIndexOf(0x0a) + 1;
    let torn: TornTail | null = null;
    if (complete < content.length) {
      const fragment = content.subarray(complete);
      const savedTo = `${file}.torn-${Date.now()}`;
      await fs.writeFile(savedTo, fragment, { mode: 0o600 });
      await fs.truncate(file, complete);
      torn = { bytes: fragment.length, sha256: sha256(fragment), savedTo };
    }
    const head = lastHead(content.subarray(0, complete).toString("utf8"));
    const handle = await fs.open(file, "a", 0o600);
    const log = new LocalAuditLog(file, handle, head, torn, options);
    if (torn) await log.append("log.recovered", { tornBytes: torn.bytes, tornSha256: torn.sha256, savedTo: path.basename(torn.savedTo) });
    return log;
  }

  /** The last event's seq and hash: what a caller keeps to detect a truncated log later. */
  get chainHead(): ChainHead {
    return { ...this.head };
  }

  /** Appends one event, durably (written and fsynced before it resolves). */
  append<T extends LocalEventType>(type: T, data: LocalEventData<T>, keyId?: string): Promise<AuditEvent> {
    const parsed = LOCAL_EVENT_DATA[type]?.safeParse(data);
    if (!parsed?.success) {
      const detail = parsed?.error.issues[0];
      return Promise.reject(new LocalAuditLogError(`The local audit log refused a "${type}" event: ${detail ? `${detail.path.join(".") || "data"}: ${detail.message}` : "unknown event type"}.`));
    }
    const actor = this.options.actor ?? "keyward-desktop";
    const leak = credentialIn(parsed.data) ?? credentialIn(keyId ?? "", "keyId") ?? credentialIn(actor, "actor");
    if (leak) return Promise.reject(new LocalAuditLogError(`The local audit log refused a "${type}" event: ${leak} holds something shaped like a credential, and the log never stores secrets.`));
    const write = this.queue.then(async () => {
      const unsigned: Omit<AuditEvent, "hash"> = {
        seq: this.head.seq + 1,
        at: (this.options.now?.() ?? new Date()).toISOString(),
        type,
        actor,
        ...(keyId ? { keyId } : {}),
        data: parsed.data as Record<string, unknown>,
        prevHash: this.head.hash,
      };
      const event: AuditEvent = { ...unsigned, hash: sha256(chainInput(this.head.hash, unsigned)) };
      await this.handle.write(`${canonicalJson(event)}\n`);
      await this.handle.sync();
      this.head = { seq: event.seq, hash: event.hash };
      return event;
    });
    this.queue = write.catch(() => undefined);
    return write;
  }

  /** Events newest first, filtered. */
  async read(filter: LocalLogFilter = {}): Promise<AuditEvent[]> {
    await this.queue;
    const lines = (await fs.readFile(this.file, "utf8")).split("\n");
    const found: AuditEvent[] = [];
    const limit = filter.limit ?? 100;
    for (let i = lines.length - 1; i >= 0 && found.length < limit; i--) {
      const event = parseLine(lines[i]!);
      if (event && matches(event, filter)) found.push(event);
    }
    return found;
  }

  /** Checks every line: canonical form, shape, and the chain (and, given one, that it still reaches a remembered head). */
  async verify(options: { expectedHead?: ChainHead } = {}): Promise<LocalLogVerification> {
    await this.queue;
    return verifyLogLines(await fs.readFile(this.file, "utf8"), options.expectedHead ?? null);
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle.close();
  }
}

function parseLine(line: string): AuditEvent | null {
  if (line === "") return null;
  try {
    return JSON.parse(line) as AuditEvent;
  } catch {
    return null;
  }
}

function lastHead(text: string): ChainHead {
  const lines = text.split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    const event = parseLine(lines[i]!);
    if (event && typeof event.seq === "number" && typeof event.hash === "string") return { seq: event.seq, hash: event.hash };
  }
  return { seq: 0, hash: GENESIS_HASH };
}

function matches(event: AuditEvent, filter: LocalLogFilter): boolean {
  return (
    (filter.type === undefined || event.type === filter.type) &&
    (filter.keyId === undefined || event.keyId === filter.keyId) &&
    (filter.actor === undefined || event.actor === filter.actor) &&
    (filter.since === undefined || event.at >= filter.since) &&
    (filter.until === undefined || event.at <= filter.until) &&
    (filter.before === undefined || event.seq < filter.before)
  );
}
