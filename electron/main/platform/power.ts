/*
 * Locks the vault when the machine sleeps or the screen locks. Protects against an unlocked
 * vault on an unattended machine (a laptop closed in a bag, a desk left with the screen locked).
 * powerMonitor reports 'lock-screen' on macOS and Windows only; on Linux the idle lock and
 * 'suspend' are what remain.
 */
import { powerMonitor } from "electron";
import type { LockReason } from "../../../core/vault";
import { logUnexpected } from "../error-log";

const logFailure = logUnexpected("could not lock the vault");

export function lockVaultOnSleep(vault: { lock(reason: LockReason): Promise<unknown> }): void {
  powerMonitor.on("suspend", () => void vault.lock("suspend").catch(logFailure));
  powerMonitor.on("lock-screen", () => void vault.lock("screen_lock").catch(logFailure));
}
