/*
 * The desktop app's leak scans: one at a time, with progress events, cancel, and quitting cancels
 * it. Finds are looked up in the connected workspace by SHA-256 (offline, they are shown
 * unmatched), grouped for the Scan page, and the keys of the workspace found are remembered per
 * folder (scans.json) for monitoring's "leaked in source" finding.
 * Protects against: a found secret leaving the scanner (the page, the events, the remembered
 * leaks and the log get display forms and places only), and a scan of a folder the user never
 * chose. Does not protect against: the folder's own files, which hold the secrets that were found.
 */
import { randomUUID } from "node:crypto";
import type { LeakRecord } from "../../../shared/domain/findings";
import type { ScanFolder, ScanProgress, ScanReport, ScanRun, ScanStartInput, ScanStatus } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import { createLog } from "../../log";
import type { VersionedFile } from "../../persist/versioned-file";
import { GitError, isCancelled, matchFindings, scanPath, setAsideAllowed, type KeyLookup, type ScanResult } from "../../scan";
import type { CoreServices } from "../core-services";
import { leaksOf, leaksOfWorkspace, rememberScan } from "./leak-memory";
import { inspectFolder } from "./scan-folder";
import { toScanReport } from "./scan-report";
import { MAX_RECENT, openScansFile, type ScansContent } from "./scans-file";

const log = createLog("scan");

export interface ScanServiceOptions {
  /** Worker threads (default: every core); tests pass fewer. */
  threads?: number;
}

interface Running {
  run: ScanRun;
  controller: AbortController;
  done: Promise<void>;
}

type Connection = { workspace: { id: string; name: string }; lookup: KeyLookup } | { workspace: null; reason: string };

export class ScanService {
  private readonly file: VersionedFile<ScansContent>;
  /** Folders chosen in the folder dialog while the app runs: `start` takes these and recent ones only. */
  private readonly chosen = new Set<string>();
  private running: Running | null = null;
  private last: { report: ScanReport; result: ScanResult } | null = null;
  private disposed = false;

  constructor(
    private readonly core: CoreServices,
    private readonly options: ScanServiceOptions = {},
  ) {
    this.file = openScansFile(core.platform.dataDir);
  }

  /** The keys of a workspace the last scans found in source (for the leaked-in-source finding). */
  leaks(workspaceId: string): LeakRecord[] {
    return leaksOfWorkspace(this.file.get(), workspaceId);
  }

  status(): ScanStatus {
    return { running: this.running ? { ...this.running.run } : null, last: this.last?.report ?? null, recent: this.recentFolders() };
  }

  /** The last finished scan's full result (hashes included), for the exports; null before any. */
  lastResult(): { report: ScanReport; result: ScanResult } | null {
    return this.last;
  }

  async chooseFolder(): Promise<ScanFolder | null> {
    const chosen = await this.core.platform.chooseFolder({ title: "Choose a folder to scan for leaked keys" });
    if (!chosen) return null;
    const folder = inspectFolder(chosen);
    this.chosen.add(folder.path);
    return folder;
  }

  /** Starts a scan and answers at once; its progress and its end are events. */
  start(input: ScanStartInput): ScanRun {
    if (this.disposed) throw new IpcError("conflict", "Keyward is quitting.");
    if (this.running) throw new IpcError("conflict", `A scan of ${this.running.run.folder.name} is running. Cancel it, or wait for it to finish.`);
    const folder = inspectFolder(input.folder);
    if (!this.chosen.has(folder.path) && !this.file.get().recent.some((recent) => recent.path === folder.path)) {
      throw new IpcError("invalid_input", "Choose the folder to scan with “Choose folder…” first.");
    }
    const history = input.history ?? false;
    if (history && !folder.repository) throw new IpcError("invalid_input", `${folder.name} is not in a git repository, so it has no history to scan. Scan it without history.`);
    const run: ScanRun = {
      id: randomUUID(),
      folder,
      history,
      noIgnore: input.noIgnore ?? false,
      startedAt: this.core.now().toISOString(),
      progress: { phase: "listing", files: 0, bytes: 0, finds: 0 },
    };
    const controller = new AbortController();
    const running: Running = { run, controller, done: Promise.resolve() };
    this.running = running;
    // The connection is taken now: a workspace switched to during the scan does not get its finds.
    const connection = this.connection();
    running.done = this.execute(run, controller.signal, connection).finally(() => {
      if (this.running === running) this.running = null;
    });
    this.progress(run, run.progress);
    return { ...run };
  }

  /** Cancels the running scan; false when none was running. */
  cancel(): boolean {
    if (!this.running || this.running.controller.signal.aborted) return false;
    this.running.controller.abort();
    return true;
  }

  /** Quitting cancels the running scan and waits for its workers and git processes to stop. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const running = this.running;
    if (!running) return;
    running.controller.abort();
    await running.done;
  }

  private async execute(run: ScanRun, signal: AbortSignal, connection: Connection): Promise<void> {
    let outcome: { outcome: "done"; report: ScanReport } | { outcome: "cancelled" } | { outcome: "failed"; message: string };
    try {
      const result = await scanPath({
        root: run.folder.path,
        history: run.history,
        noIgnore: run.noIgnore,
        signal,
        matchLater: true,
        ...(this.options.threads !== undefined ? { threads: this.options.threads } : {}),
        // The scanner's own "done" comes before the lookup: the page hears of the end from scan.finished.
        onProgress: (progress) => (progress.phase === "done" ? undefined : this.progress(run, progress)),
      });
      const matched = await this.match(run, result, signal, connection);
      // Only now is it known which finds are live keys, which keyward:allow never hides.
      setAsideAllowed(result);
      const report = toScanReport(result, {
        id: run.id,
        folder: run.folder,
        history: run.history,
        noIgnore: run.noIgnore,
        startedAt: run.startedAt,
        finishedAt: this.core.now().toISOString(),
        ...matched,
      });
      if (matched.workspace) await this.remember(run, result, matched.workspace.id, report);
      else await this.rememberRecent(run.folder.path);
      this.last = { report, result };
      const activeKeys = new Set(result.findings.flatMap((finding) => (finding.match?.status === "active" && finding.match.keyId ? [finding.match.keyId] : [])));
      void this.core.activity.record("scan.completed", {
        folder: run.folder.path,
        history: run.history,
        keysFound: report.groupCount,
        activeKeysFound: activeKeys.size,
        workspace: matched.workspace?.name ?? null,
      });
      outcome = { outcome: "done", report };
    } catch (error) {
      outcome = isCancelled(error) || signal.aborted ? { outcome: "cancelled" } : { outcome: "failed", message: failureMessage(error, run.folder) };
    }
    // The scan is over before the page hears of it, so it can start the next one at once.
    this.running = null;
    if (outcome.outcome === "done") this.core.platform.emit("scan.finished", { id: run.id, outcome: "done", report: outcome.report, message: null });
    else if (outcome.outcome === "cancelled") this.core.platform.emit("scan.finished", { id: run.id, outcome: "cancelled", report: null, message: "The scan was cancelled." });
    else this.core.platform.emit("scan.finished", { id: run.id, outcome: "failed", report: null, message: outcome.message });
  }

  /** Looks the finds up in the workspace taken at the start; a workspace that cannot answer leaves them unmatched, with why. */
  private async match(run: ScanRun, result: ScanResult, signal: AbortSignal, connection: Connection): Promise<{ workspace: { id: string; name: string } | null; unmatchedReason: string | null }> {
    if (!connection.workspace) return { workspace: null, unmatchedReason: result.findings.length > 0 ? connection.reason : null };
    if (result.findings.length === 0) {
      result.matched = true;
      return { workspace: connection.workspace, unmatchedReason: null };
    }
    this.progress(run, { ...run.progress, phase: "matching" });
    try {
      await matchFindings(result.findings, connection.lookup, signal);
      result.matched = true;
      return { workspace: connection.workspace, unmatchedReason: null };
    } catch (error) {
      if (isCancelled(error) || signal.aborted) throw error;
      for (const finding of result.findings) delete finding.match;
      const why = error instanceof IpcError ? error.message : `${connection.workspace.name} could not be asked.`;
      return { workspace: null, unmatchedReason: `${why} The keys found could not be looked up, so they are shown unmatched: scan again once the workspace answers.` };
    }
  }

  private connection(): Connection {
    try {
      const { client, workspaceId } = this.core.workspaces.client();
      return { workspace: { id: workspaceId, name: this.core.workspaces.current().workspace?.name ?? workspaceId }, lookup: client };
    } catch (error) {
      const why = error instanceof IpcError ? error.message : "No workspace is connected.";
      return { workspace: null, reason: `${why} The keys found could not be looked up in a workspace, so they are shown unmatched.` };
    }
  }

  /** Keeps the workspace's keys this scan found, clearing those a scan of the same folder no longer finds. */
  private async remember(run: ScanRun, result: ScanResult, workspaceId: string, report: ScanReport): Promise<void> {
    const found = leaksOf(result, new Date(report.finishedAt));
    try {
      await this.file.update((content) => withRecent(rememberScan(content, { workspaceId, folder: run.folder.path, history: run.history, scannedAt: report.finishedAt, found }), run.folder.path, report.finishedAt));
    } catch (error) {
      // The results are still shown; monitoring misses this scan's leaks until the next one is saved.
      report.warnings.push(`The keys found could not be remembered for monitoring: ${error instanceof IpcError ? error.message : "the file could not be saved."}`);
    }
  }

  private async rememberRecent(folder: string): Promise<void> {
    await this.file.update((content) => withRecent(content, folder, this.core.now().toISOString())).catch((error: unknown) => log.unexpected("the recent folders could not be saved", error));
  }

  private recentFolders(): ScanFolder[] {
    return this.file.get().recent.flatMap((recent) => {
      try {
        return [inspectFolder(recent.path)];
      } catch {
        return [];
      }
    });
  }

  private progress(run: ScanRun, progress: ScanProgress): void {
    run.progress = { phase: progress.phase, files: progress.files, bytes: progress.bytes, finds: progress.finds };
    this.core.platform.emit("scan.progress", { id: run.id, ...run.progress });
  }
}

function withRecent(content: ScansContent, folder: string, at: string): ScansContent {
  return { ...content, recent: [{ path: folder, scannedAt: at }, ...content.recent.filter((recent) => recent.path !== folder)].slice(0, MAX_RECENT) };
}

/** Why a scan stopped, in words a user can act on; the scanner's own messages already are. */
function failureMessage(error: unknown, folder: ScanFolder): string {
  if (error instanceof IpcError || error instanceof GitError) return error.message;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "EACCES" || code === "EPERM") return `Keyward may not read part of ${folder.name} (permission denied). Change its permissions, or scan a folder inside it.`;
  if (code === "ENOENT") return `${folder.name} changed while it was being scanned (something in it is gone). Scan it again.`;
  if (error instanceof Error && error.name === "Error" && /^Nothing to scan|neither a file nor a folder/.test(error.message)) return error.message;
  log.unexpected("a scan failed", error);
  return "The scan stopped because of an error in Keyward. The details are in its log; try again.";
}
