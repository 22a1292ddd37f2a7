export * from "./credential";
export { BASE62_ALPHABET, encodeBase62 } from "./base62";
export { crc32Ascii } from "./crc32";
