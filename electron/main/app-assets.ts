/*
 * The pure half of the app:// protocol: which file a request names, its MIME type, and the headers
 * every answer carries. Protects against path traversal out of out/renderer (`..`, `..%2f`,
 * encoded separators and NULs, absolute and drive paths, dotfiles), against MIME sniffing, and
 * against injected script or exfiltration through a strict Content-Security-Policy header.
 * No electron import, so every case is unit-tested under Node.
 */
import nodePath from "node:path";
import { APP_HOST, APP_SCHEME } from "./launch-options";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join("; ");

const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[nodePath.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** Headers on every answer, errors included. */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    "content-type": contentType,
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
  };
}

export type AssetResolution =
  | { ok: true; file: string; /** A route without an extension: the caller serves index.html when it is missing. */ spaFallback: boolean }
  | { ok: false; status: 400 | 404 | 405 };

type PathApi = Pick<typeof nodePath, "join" | "relative" | "isAbsolute" | "extname">;

// Control characters (NUL included), both separators, and ":" (drive letters, NTFS streams).
const FORBIDDEN_IN_SEGMENT = /[\u0000-\u001f\u007f/\\:]/;

/** Maps an app://keyward/... request to a file under `root`, or says why not. */
export function resolveAsset(root: string, requestUrl: string, method = "GET", pathApi: PathApi = nodePath): AssetResolution {
  if (method !== "GET" && method !== "HEAD") return { ok: false, status: 405 };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== "" || url.password !== "") return { ok: false, status: 404 };
  const raw = url.pathname === "/" || url.pathname === "" ? ["index.html"] : url.pathname.split("/").slice(1);
  const segments: string[] = [];
  for (const encoded of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return { ok: false, status: 400 };
    }
    // Empty segments ("//", a trailing "/"), dot segments and dotfiles are never ours to serve.
    if (segment === "" || segment.startsWith(".") || FORBIDDEN_IN_SEGMENT.test(segment)) return { ok: false, status: 400 };
    segments.push(segment);
  }
  const file = pathApi.join(root, ...segments);
  const relative = pathApi.relative(root, file);
  if (relative === "" || relative.startsWith("..") || pathApi.isAbsolute(relative)) return { ok: false, status: 400 };
  return { ok: true, file, spaFallback: pathApi.extname(file) === "" };
}
