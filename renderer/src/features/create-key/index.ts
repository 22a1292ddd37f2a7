/** Creating a key: the dialog (form, then the key shown once) and how to open it. */
export { CreateKeyDialog } from "./CreateKeyDialog";
export { useCreateKeyStore, type CreateKeyPrefill } from "./create-key-store";
