/*
 * Keychain unlock: the vault's data key, encrypted by the OS keychain (Electron safeStorage in
 * electron/main), stored in the vault file beside the passphrase-wrapped copy.
 * Protects against: typing the passphrase on every unlock, without storing the key anywhere the
 * OS does not guard with the user's login. Does not protect against: anyone who can run code as
 * the logged-in user (the OS keychain will decrypt for them too), which is why it is optional and
 * refused outright when the OS offers no real keychain: never a weaker fallback.
 */
import { equalBytes, wipe } from "./crypto";
import { VaultError } from "./errors";

export type KeychainAvailability = { ok: true } | { ok: false; reason: string };

/** The platform side of keychain unlock; the Electron `safeStorage` one lives in electron/main. */
export interface KeychainAdapter {
  /** Not ok when only a weak store exists (e.g. safeStorage's `basic_text` backend on Linux). */
  isAvailable(): KeychainAvailability;
  encrypt(plain: Buffer): Buffer;
  decrypt(cipher: Buffer): Buffer;
}

const ENABLE_REFUSED = "Keychain unlock cannot be turned on";
const ENABLE_TAIL = "Keyward will not keep the vault key anywhere weaker; the vault stays passphrase-only.";
const UNLOCK_REFUSED = "The vault cannot be unlocked with the OS keychain";
const UNLOCK_TAIL = "Unlock it with the passphrase.";

function requireAvailable(adapter: KeychainAdapter, refused: string, tail: string): void {
  let availability: KeychainAvailability;
  try {
    availability = adapter.isAvailable();
  } catch (error) {
    throw new VaultError("keychain_unavailable", `${refused}: the OS keychain could not be queried. ${tail}`, { cause: error });
  }
  if (!availability.ok) throw new VaultError("keychain_unavailable", `${refused}: ${availability.reason.replace(/\.$/, "")}. ${tail}`);
}

/** Encrypts the data key with the keychain and checks it decrypts back; refuses a missing keychain. */
export function keychainWrap(adapter: KeychainAdapter, dataKey: Buffer): Buffer {
  requireAvailable(adapter, ENABLE_REFUSED, ENABLE_TAIL);
  const copy = Buffer.from(dataKey);
  let roundTrip: Buffer | null = null;
  try {
    const blob = adapter.encrypt(copy);
    roundTrip = adapter.decrypt(blob);
    if (blob.length === 0 || !equalBytes(roundTrip, dataKey)) throw new Error("round trip mismatch");
    return blob;
  } catch (error) {
    throw new VaultError("keychain_unavailable", `${ENABLE_REFUSED}: the OS keychain did not give the key back intact. ${ENABLE_TAIL}`, { cause: error });
  } finally {
    wipe(copy, roundTrip);
  }
}

/** The message when the keychain gave back a key that does not open the vault (checked by the caller against the file MAC). */
export const KEYCHAIN_KEY_REJECTED = `${UNLOCK_REFUSED}: the key it returned does not open this vault (was the keychain reset?). ${UNLOCK_TAIL} Then turn keychain unlock off and on again.`;

/** Asks the keychain for the data key; the caller checks it against the file's MAC. */
export function keychainUnwrap(adapter: KeychainAdapter, blob: Buffer): Buffer {
  requireAvailable(adapter, UNLOCK_REFUSED, UNLOCK_TAIL);
  let plain: Buffer;
  try {
    plain = adapter.decrypt(blob);
  } catch (error) {
    throw new VaultError("keychain_unavailable", `${UNLOCK_REFUSED}: the keychain could not decrypt the vault key. ${UNLOCK_TAIL}`, { cause: error });
  }
  return plain;
}
