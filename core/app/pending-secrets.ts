/*
 * Secrets of keys just created, held in the main process for the one dialog that shows them, and
 * named by a random handle so the renderer never has to send a secret back (to copy it or keep it
 * in the vault). Each is dropped when the dialog closes, and at the latest after 15 minutes; a
 * rotation's new key is held until the rotation ends (it is copied and tested over several steps),
 * never past the app's quit.
 */
import { randomBytes } from "node:crypto";

const MAX_AGE_MS = 15 * 60_000;
const NO_EXPIRY = Number.POSITIVE_INFINITY;

export interface PendingSecret {
  secret: string;
  keyId: string;
  keyName: string;
  display: string;
  scope: string;
  workspaceId: string;
}

export class PendingSecrets {
  private readonly entries = new Map<string, PendingSecret & { expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  hold(secret: PendingSecret, options: { untilDropped?: boolean } = {}): string {
    this.prune();
    const handle = randomBytes(18).toString("base64url");
    this.entries.set(handle, { ...secret, expiresAt: options.untilDropped ? NO_EXPIRY : this.now() + MAX_AGE_MS });
    return handle;
  }

  /** The handle under which a key's secret is held, if it is. */
  handleOf(keyId: string): string | undefined {
    this.prune();
    for (const [handle, entry] of this.entries) if (entry.keyId === keyId) return handle;
    return undefined;
  }

  get(handle: string): PendingSecret | undefined {
    this.prune();
    return this.entries.get(handle);
  }

  drop(handle: string): PendingSecret | undefined {
    const entry = this.get(handle);
    this.entries.delete(handle);
    return entry;
  }

  clear(): void {
    this.entries.clear();
  }

  private prune(): void {
    const now = this.now();
    for (const [handle, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(handle);
  }
}
