/** New keys' secrets, by handle: reveal on request, finish a reveal, which were dropped, and the field that shows one. */
export { NewKeySecret } from "./NewKeySecret";
export { useDropReason, useSecretsStore, type DropReason } from "./secrets-store";
