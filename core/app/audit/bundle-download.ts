/*
 * Downloads the connected workspace's signed audit bundle (`GET /v1/audit-export`) to a file,
 * streamed (a million events are never held in memory), with progress, through the client's
 * streaming call; refusals in the same words as the client's.
 * Protects against: the admin token going anywhere but the workspace's own URL (redirects are
 * refused, and the token is never logged nor written). Does not protect against: a workspace that
 * serves a forged bundle, which is what verifying the file (signature and chain) is for.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { ErrorBody } from "../../../shared/api/schemas";
import { IpcError } from "../../../shared/ipc/errors";
import type { WorkspaceClient } from "../../workspace/workspace-client";

/** No byte for this long: the download is given up (a big bundle may take minutes in all). */
const IDLE_TIMEOUT_MS = 30_000;
const PROGRESS_EVERY_MS = 100;

export interface DownloadProgress {
  bytes: number;
  totalBytes: number | null;
}

/** Writes the bundle to `file` (through a temporary file beside it) and answers its size in bytes. */
export async function downloadAuditBundle(client: WorkspaceClient, file: string, onProgress: (progress: DownloadProgress) => void): Promise<number> {
  const abort = new AbortController();
  let idle = setTimeout(() => abort.abort(), IDLE_TIMEOUT_MS);
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => abort.abort(), IDLE_TIMEOUT_MS);
  };
  let response: Response;
  try {
    response = await client.streamAuditExport(abort.signal);
  } catch {
    clearTimeout(idle);
    throw new IpcError("workspace_unreachable", `Cannot reach the workspace at ${client.baseUrl} to download its audit bundle.`);
  }
  if (!response.ok || !response.body) {
    clearTimeout(idle);
    throw await refusal(client.baseUrl, response);
  }
  const length = Number(response.headers.get("content-length"));
  const totalBytes = Number.isFinite(length) && length > 0 ? length : null;
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.download-${process.pid}-${Date.now()}`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(partial, "w", 0o644);
  let bytes = 0;
  let reported = 0;
  try {
    onProgress({ bytes, totalBytes });
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      touch();
      await handle.write(chunk);
      bytes += chunk.byteLength;
      if (Date.now() - reported >= PROGRESS_EVERY_MS) {
        reported = Date.now();
        onProgress({ bytes, totalBytes });
      }
    }
    await handle.sync();
    await handle.close();
    await fs.rename(partial, file);
    onProgress({ bytes, totalBytes });
    return bytes;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(partial, { force: true });
    if (error instanceof IpcError) throw error;
    if (abort.signal.aborted) throw new IpcError("workspace_unreachable", `The workspace at ${client.baseUrl} stopped sending its audit bundle (nothing for ${IDLE_TIMEOUT_MS / 1000} seconds).`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code && !code.startsWith("UND_")) throw new IpcError("io", `Keyward could not write the audit bundle to ${file} (${code}).`);
    throw new IpcError("workspace_unreachable", `The download of the audit bundle from ${client.baseUrl} broke off.`);
  } finally {
    clearTimeout(idle);
  }
}

async function refusal(baseUrl: string, response: Response): Promise<IpcError> {
  const text = await response.text().catch(() => "");
  let parsed: ReturnType<typeof ErrorBody.safeParse> | null = null;
  try {
    parsed = ErrorBody.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (response.status === 404 && !parsed?.success) {
    return new IpcError("workspace_error", `The workspace at ${baseUrl} does not export audit bundles (it has no /v1/audit-export). Update its server.`);
  }
  if (!parsed?.success) return new IpcError("not_a_workspace", `${baseUrl} answered HTTP ${response.status} without the API's error shape when asked for its audit bundle.`);
  const { code, message } = parsed.data.error;
  if (response.status === 401) return new IpcError("workspace_refused", `The workspace refused the credential: ${message}`, code);
  return new IpcError("workspace_error", `The workspace answered: ${message}`, code);
}
