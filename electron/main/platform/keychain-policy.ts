/*
 * When safeStorage counts as a real OS keychain. Protects against keeping the vault's data key
 * under a store that only looks like one: on Linux without a secret service, Electron falls back
 * to `basic_text`, which encrypts with a key hard-coded in Chromium. Then keychain unlock is
 * refused with a reason the user can read (core/vault never falls back to something weaker).
 * Pure: no electron import.
 */
import type { KeychainAvailability } from "../../../core/vault";

export interface KeychainFacts {
  platform: NodeJS.Platform;
  /** safeStorage.isEncryptionAvailable() */
  encryptionAvailable: boolean;
  /** safeStorage.getSelectedStorageBackend() on Linux; null elsewhere. */
  linuxBackend: string | null;
}

const TAIL = "so the vault key will not be stored outside the vault.";
const REAL_LINUX_BACKENDS = new Set(["gnome_libsecret", "kwallet", "kwallet5", "kwallet6"]);

export function keychainAvailability(facts: KeychainFacts): KeychainAvailability {
  if (facts.platform === "linux") {
    const backend = facts.linuxBackend ?? "unknown";
    if (backend === "basic_text") return { ok: false, reason: `This system has no real keychain (Electron reports basic_text), ${TAIL}` };
    if (!REAL_LINUX_BACKENDS.has(backend)) return { ok: false, reason: `This system's keychain could not be identified (Electron reports ${backend}), ${TAIL}` };
  }
  if (!facts.encryptionAvailable) return { ok: false, reason: `The OS keychain is not available to Keyward (Electron's safeStorage cannot encrypt), ${TAIL}` };
  return { ok: true };
}
