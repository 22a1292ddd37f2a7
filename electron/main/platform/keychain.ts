/*
 * Keychain unlock over Electron's safeStorage (macOS Keychain, Windows DPAPI, Linux Secret
 * Service or KWallet). Protects the vault's data key at rest with the user's OS login; refuses
 * (with the reason from keychain-policy.ts) where safeStorage would use a hard-coded key instead.
 * Does not protect against code running as the same user, which the OS will decrypt for too.
 * safeStorage encrypts strings, so the key crosses as base64: that string is a copy in V8's heap
 * that cannot be wiped, for the moment of the call.
 */
import { safeStorage } from "electron";
import type { KeychainAdapter } from "../../../core/vault";
import { keychainAvailability } from "./keychain-policy";

export const safeStorageKeychain: KeychainAdapter = {
  isAvailable() {
    return keychainAvailability({
      platform: process.platform,
      encryptionAvailable: safeStorage.isEncryptionAvailable(),
      linuxBackend: process.platform === "linux" ? safeStorage.getSelectedStorageBackend() : null,
    });
  },
  encrypt(plain) {
    return safeStorage.encryptString(plain.toString("base64"));
  },
  decrypt(cipher) {
    return Buffer.from(safeStorage.decryptString(cipher), "base64");
  },
};
