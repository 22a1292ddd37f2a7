/** The local vault: its screen, its state in the top bar, and "keep in vault" for the dialogs that show a new key. */
export { KeepInVaultField } from "./KeepInVaultField";
export { VaultIndicator } from "./VaultIndicator";
export { VaultScreen } from "./VaultScreen";
export { useVaultStore, type LockReason } from "./vault-store";
