/**
 * The scanner: finds Keyward credentials (checksum verified) in folders, git history, staged
 * changes and streams, and matches them against a workspace by SHA-256. See docs/scanner.md.
 */
export { scanPath, DEFAULT_MAX_FILE_BYTES, type ScanOptions } from "./scan-path";
export { scanStaged, type StagedScanOptions } from "./scan-staged";
export { scanStream, type StreamScanOptions } from "./scan-stream";
export { matchFindings, LOOKUP_BATCH, type KeyLookup, type KeyStatus } from "./match";
export { setAsideAllowed } from "./allow";
export { isCancelled } from "./cancel";
export { GitError } from "./git/git";
export { repositoryTop } from "./source/list-files";
export type { CredentialKind, Finding, ScanMatch, ScanPhase, ScanProgress, ScanResult, ScanStats, SkipCounts } from "./types";
export { toJsonReport, type JsonFinding, type JsonReport } from "./report/json";
export { toSarif, type SarifOptions } from "./report/sarif";
export { toText } from "./report/text";
export { leakRecords } from "./report/leak-records";
