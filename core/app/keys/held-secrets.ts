/*
 * Secrets of keys just made (created, or a rotation's successor), held in the main process for the
 * dialog or wizard that shows them, under a random handle: the renderer gets the handle and the
 * display form, and asks for the secret only when the user clicks "Show" (`reveal`); copying and
 * "keep in vault" go by handle, so the secret never has to travel back.
 * Protects against: a secret outliving its dialog (dropped when it closes), an unattended desk
 * (every held secret is dropped when the vault locks, and each expires on its own after a set time,
 * 10 minutes by default), and a guessed handle (144 random bits). Does not protect against: someone
 * using the open dialog at the desk before it expires, or malware in the main process.
 */
import { randomBytes } from "node:crypto";

export interface HeldSecret {
  secret: string;
  keyId: string;
  keyName: string;
  display: string;
  scope: string;
  workspaceId: string;
}

export type DropReason = "closed" | "expired" | "locked" | "quit";

export class HeldSecrets {
  private readonly entries = new Map<string, HeldSecret & { expiresAt: number }>();
  private readonly dropped = new Map<string, DropReason>();

  constructor(
    private readonly now: () => number,
    /** How long a secret is held, read at each hold (a setting). */
    private readonly holdMs: () => number,
    /** Told when secrets are dropped other than by their dialog closing, so open dialogs can say so. */
    private readonly onDropped: (handles: string[], reason: DropReason) => void = () => {},
  ) {}

  /** Drops what has expired now (the app calls this on a timer, so a dialog learns of it without asking). */
  expireNow(): void {
    this.prune();
  }

  hold(secret: HeldSecret): string {
    this.prune();
    const handle = randomBytes(18).toString("base64url");
    this.entries.set(handle, { ...secret, expiresAt: this.now() + this.holdMs() });
    return handle;
  }

  /** The handle under which a key's secret is held, if it is. */
  handleOf(keyId: string): string | undefined {
    this.prune();
    for (const [handle, entry] of this.entries) if (entry.keyId === keyId) return handle;
    return undefined;
  }

  get(handle: string): HeldSecret | undefined {
    this.prune();
    return this.entries.get(handle);
  }

  /** Why a handle no longer holds its secret (for a message that says what to do), if it ever did. */
  whyGone(handle: string): DropReason | undefined {
    this.prune();
    return this.dropped.get(handle);
  }

  drop(handle: string, reason: DropReason = "closed"): HeldSecret | undefined {
    const entry = this.get(handle);
    if (entry) this.forget(handle, reason);
    return entry;
  }

  /** Drops every held secret: the vault locked, or the app quits. */
  dropAll(reason: DropReason): number {
    const handles = [...this.entries.keys()];
    for (const handle of handles) this.forget(handle, reason);
    if (handles.length > 0) this.onDropped(handles, reason);
    return handles.length;
  }

  private forget(handle: string, reason: DropReason): void {
    this.entries.delete(handle);
    this.dropped.set(handle, reason);
    // Only the reasons of recent handles are worth keeping.
    if (this.dropped.size > 200) this.dropped.delete(this.dropped.keys().next().value!);
  }

  private prune(): void {
    const now = this.now();
    const expired = [...this.entries].filter(([, entry]) => entry.expiresAt <= now).map(([handle]) => handle);
    for (const handle of expired) this.forget(handle, "expired");
    if (expired.length > 0) this.onDropped(expired, "expired");
  }
}

const WHY: Record<DropReason, string> = {
  closed: "it is shown once, and the dialog that showed it was closed",
  expired: "it was held for a limited time (see Settings), and that time is up",
  locked: "the vault locked, and every secret Keyward held was dropped with it",
  quit: "Keyward was restarted",
};

/** The error for a handle whose secret is gone, saying why and what to do (`next`). */
export function secretGoneMessage(reason: DropReason | undefined, next: string): string {
  return `The key's secret is no longer held: ${WHY[reason ?? "closed"]}. ${next}`;
}
