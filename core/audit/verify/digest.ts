/** Hex SHA-256 of a byte view: Node's one-shot crypto.hash where it exists (much less overhead per small input), else createHash. */
import crypto from "node:crypto";

export const sha256Hex: (view: Uint8Array) => string =
  typeof crypto.hash === "function" ? (view) => crypto.hash("sha256", view, "hex") : (view) => crypto.createHash("sha256").update(view).digest("hex");
