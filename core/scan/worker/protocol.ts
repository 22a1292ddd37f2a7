/**
 * Messages between the scan pool and its workers. What comes back from a worker is hashes,
 * display forms and positions: a secret never crosses a thread.
 */
import type { CredentialKind } from "../detect/credential-bytes";
import type { PlacedFind } from "../engine/chunk-scanner";
import type { SkipReason } from "../engine/file-scan";

export interface WorkerSetup {
  root: string;
  maxFileBytes: number;
  chunkBytes: number;
}

/** A verified credential as a worker reports it. */
export interface WorkerFind {
  sha256: string;
  display: string;
  kind: CredentialKind;
  line: number;
  column: number;
  /** Its line marks it `keyward:allow`. */
  allowed: boolean;
}

/** A find as it leaves the worker: its offset stays behind. */
export const toWorkerFind = ({ sha256, display, kind, line, column, allowed }: PlacedFind): WorkerFind => ({ sha256, display, kind, line, column, allowed });

export type Skipped = Record<SkipReason, number>;

export const noSkips = (): Skipped => ({ binary: 0, too_large: 0, symlink: 0, special: 0, unreadable: 0 });

/** Files are named relative to the setup's root, with "/" separators. */
export interface FilesRequest {
  type: "files";
  batch: number;
  paths: string[];
}

/** Where a worker's `git cat-file` reads blobs from, and the largest it scans. */
export interface BlobSource {
  git: string;
  cwd: string;
  maxBytes: number;
}

/** Blob ids for the worker's own `git cat-file` (started at its first request). */
export interface BlobIdsRequest {
  type: "blob-ids";
  batch: number;
  ids: string[];
  source: BlobSource;
}

/** No more ids: the worker closes its git's input and answers once git has exited. */
export interface BlobsEndRequest {
  type: "blob-end";
  batch: number;
}

/** Stop now: the worker kills its git process and answers once git has exited (so it is reaped). */
export interface StopRequest {
  type: "stop";
  batch: number;
}

export type WorkerRequest = FilesRequest | BlobIdsRequest | BlobsEndRequest | StopRequest;

export interface FilesAnswer {
  type: "files";
  batch: number;
  scanned: number;
  bytes: number;
  skipped: Skipped;
  /** Finds per file, by index in the request's `paths`. */
  finds: { index: number; find: WorkerFind }[];
  /** Entries that are directories (a submodule, a nested repository): the pool's caller lists them. */
  directories: string[];
}

export interface BlobIdsAnswer {
  type: "blob-ids";
  batch: number;
  scanned: number;
  bytes: number;
  binary: number;
  tooLarge: number;
  finds: { id: string; find: WorkerFind }[];
}

/** `error`: git failed (its message); every blob request of this worker then fails with it. */
export interface BlobsEndAnswer {
  type: "blob-end";
  batch: number;
  error?: string;
}

/** Git failed while blob requests were pending. */
export interface BlobsFailedAnswer {
  type: "blob-failed";
  batch: -1;
  error: string;
}

export interface StoppedAnswer {
  type: "stopped";
  batch: number;
}

export type WorkerAnswer = FilesAnswer | BlobIdsAnswer | BlobsEndAnswer | BlobsFailedAnswer | StoppedAnswer;
