/*
 * Serves the built renderer from app://keyward/ instead of file://. Protects against the extra
 * powers Chromium gives file:// pages (reading other local files, a shared "null" origin) and
 * against anything outside out/renderer being served: the path checks, MIME types and the CSP
 * header live in app-assets.ts, where they are unit-tested. The scheme is standard and secure
 * (a real origin for 'self' and for the IPC sender check) but not CORS-enabled, so no other
 * origin can read from it.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { protocol } from "electron";
import { mimeTypeFor, resolveAsset, responseHeaders } from "./app-assets";
import { logUnexpected } from "./error-log";
import { APP_SCHEME } from "./launch-options";

/** Must run before the app is ready. */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const logFailure = logUnexpected("app:// could not read a renderer file");

export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAsset(root, request.url, request.method);
    if (!resolved.ok) return plain(resolved.status);
    const found = (await readIfExists(resolved.file)) ?? (resolved.spaFallback ? await readIfExists(path.join(root, "index.html")) : null);
    if (!found) return plain(404);
    const body = request.method === "HEAD" ? null : new Uint8Array(found.content);
    return new Response(body, { status: 200, headers: responseHeaders(mimeTypeFor(found.file)) });
  });
}

async function readIfExists(file: string): Promise<{ file: string; content: Buffer } | null> {
  try {
    return { file, content: await fs.readFile(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "EISDIR" && code !== "ENOTDIR") logFailure(error);
    return null;
  }
}

const plain = (status: number) => new Response(null, { status, headers: responseHeaders("text/plain; charset=utf-8") });
