/**
 * Messages between the scan pool and its workers. What comes back from a worker is hashes,
 * display forms and positions: a secret never crosses a thread.
 */
import type { CredentialKind } from "../detect/credential-bytes";
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
}

export type Skipped = Record<SkipReason, number>;

export const noSkips = (): Skipped => ({ binary: 0, too_large: 0, symlink: 0, special: 0, unreadable: 0 });

/** Files are named relative to the setup's root, with "/" separators. */
export interface FilesRequest {
  type: "files";
  batch: number;
  paths: string[];
}

export interface BlobEntry {
  id: string;
  start: number;
  end: number;
}

/** Blobs packed in one transferred buffer, which comes back with the answer for reuse. */
export interface BlobsRequest {
  type: "blobs";
  batch: number;
  data: ArrayBuffer;
  entries: BlobEntry[];
}

export type WorkerRequest = FilesRequest | BlobsRequest;

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

export interface BlobsAnswer {
  type: "blobs";
  batch: number;
  data: ArrayBuffer;
  scanned: number;
  bytes: number;
  binary: number;
  finds: { id: string; find: WorkerFind }[];
}

export type WorkerAnswer = FilesAnswer | BlobsAnswer;
