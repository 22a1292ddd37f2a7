/*
 * The app's record of its own security actions (vault created, unlocked, locked, exported; secrets
 * revealed and copied; keys generated, rotated and revoked from this app; reviews signed off), kept
 * in the local audit log (core/audit/local-log). Services call `record` and go on: an action is
 * never refused because its record could not be written, but a failure is logged (without data)
 * and shown by `status()`, so a broken log does not go unnoticed.
 * Protects against: a secret in the log (the log itself refuses credential-shaped values).
 * Does not protect against: someone who rewrites the whole file (it is hash-chained, not signed).
 */
import type { AuditEvent } from "../../../shared/api/schemas";
import { LocalAuditLog, type LocalEventData, type LocalEventType, type LocalLogFilter, type LocalLogVerification } from "../../audit";
import { createLog } from "../../log";

const log = createLog("activity");

export class ActivityLog {
  private opening: Promise<LocalAuditLog> | null = null;
  private pending = new Set<Promise<unknown>>();
  private lastFailure: string | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date,
  ) {}

  private open(): Promise<LocalAuditLog> {
    this.opening ??= LocalAuditLog.open(this.dataDir, { now: this.now }).catch((error: unknown) => {
      this.opening = null;
      throw error;
    });
    return this.opening;
  }

  /** Records an action; resolves when written (callers need not wait). */
  record<T extends LocalEventType>(type: T, data: LocalEventData<T>, keyId?: string): Promise<void> {
    const write = this.open()
      .then((opened) => opened.append(type, data, keyId))
      .then(
        () => undefined,
        (error: unknown) => {
          this.lastFailure = `A "${type}" event could not be written to the local audit log.`;
          log.unexpected(`"${type}" not recorded`, error);
        },
      );
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
    return write;
  }

  /** Waits for every record in flight (before reading, and on quit). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  async read(filter: LocalLogFilter): Promise<AuditEvent[]> {
    await this.settled();
    return (await this.open()).read(filter);
  }

  async verify(): Promise<LocalLogVerification> {
    await this.settled();
    return (await this.open()).verify();
  }

  /** Whether the last record failed, in words (null when all were written). */
  status(): { lastFailure: string | null } {
    return { lastFailure: this.lastFailure };
  }

  async close(): Promise<void> {
    await this.settled();
    const opened = await this.opening?.catch(() => null);
    this.opening = null;
    await opened?.close();
  }
}
