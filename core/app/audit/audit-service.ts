/**
 * The desktop app's audit work: the audit log view (the connected workspace's events and this
 * app's own, merged), the chains' verification (the workspace's by downloading and verifying its
 * signed bundle), audit bundles opened offline (verified first, then shown), reviews and their
 * reports (./review-service), and the workspace's signing-key fingerprint.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { AuditEvent } from "../../../shared/api/schemas";
import type { AppLogCheck, AuditLogPage, AuditLogQuery, BundleEventsPage, BundleVerificationView, OpenedBundleView, SigningKeyView, WorkspaceChainCheck } from "../../../shared/ipc/contract";
import type { EventPayload } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import { fileSha256, openAuditBundle, verifyAuditBundle } from "../../audit";
import type { CoreServices } from "../core-services";
import type { FindingsService } from "../findings/findings-service";
import { downloadAuditBundle } from "./bundle-download";
import { OpenedBundleState, verificationView } from "./bundle-view";
import { mergedPage, type PageReader } from "./merged-log";
import { ReviewService } from "./review-service";

type ProgressTask = EventPayload<"audit.progress">["task"];
type LogQuery = Omit<AuditLogQuery, "source" | "limit"> & { source: "all" | "workspace" | "app"; limit: number };

const WORKSPACE_PAGE = 200;
const WORKSPACE_FILTERED_PAGE = 1000;
const LABEL_MAX = 500;

export class AuditService {
  readonly reviews: ReviewService;
  private bundleState: OpenedBundleState | null = null;
  private opening: Promise<OpenedBundleView | null> | null = null;
  private checking: Promise<WorkspaceChainCheck> | null = null;
  private readonly downloads: string;

  constructor(
    private readonly core: CoreServices,
    findings: FindingsService,
  ) {
    this.reviews = new ReviewService(core, findings, () => this.bundleState);
    this.downloads = path.join(core.platform.dataDir, "audit-downloads");
  }

  /** A page of the audit log view. Without a connected workspace, this app's events alone, and why. */
  async log(query: LogQuery): Promise<AuditLogPage> {
    const filter = { keyId: query.keyId, type: query.type, actor: query.actor, since: query.since, until: query.until, limit: query.limit };
    const sources: Parameters<typeof mergedPage>[0] = [];
    let workspaceProblem: string | null = null;
    if (query.source !== "app" && query.cursor?.workspace !== null) {
      try {
        const { client } = this.core.workspaces.client();
        const read: PageReader = async (before, size) => {
          const { events } = await client.auditEvents({ keyId: query.keyId, type: query.type, order: "desc", before, limit: size });
          return { events, done: events.length < size };
        };
        const scans = query.actor !== undefined || query.since !== undefined || query.until !== undefined;
        sources.push({ source: "workspace", read, cursor: query.cursor?.workspace, pageSize: scans ? WORKSPACE_FILTERED_PAGE : Math.min(WORKSPACE_PAGE, Math.max(query.limit, 50)) });
      } catch (error) {
        workspaceProblem = error instanceof IpcError ? error.message : "No workspace is connected.";
      }
    }
    if (query.source !== "workspace" && query.cursor?.app !== null) {
      const read: PageReader = async (before, size) => {
        const events = await this.core.activity.read({ keyId: query.keyId, type: query.type, since: query.since, until: query.until, before, limit: size });
        return { events, done: events.length < size };
      };
      sources.push({ source: "app", read, cursor: query.cursor?.app, pageSize: query.actor === undefined ? query.limit : 500 });
    }
    try {
      const page = await mergedPage(sources, filter);
      return { entries: page.entries, next: page.next, workspaceProblem };
    } catch (error) {
      if (error instanceof IpcError && sources.some((source) => source.source === "workspace")) {
        // The workspace went away mid-read: this app's events still show, and why the others do not.
        const appOnly = sources.filter((source) => source.source === "app");
        const page = await mergedPage(appOnly, filter);
        return { entries: page.entries, next: page.next ? { ...page.next, workspace: query.cursor?.workspace ?? null } : null, workspaceProblem: error.message };
      }
      throw error;
    }
  }

  /** A key's events: the workspace's and this app's, newest first (`keys.events`). */
  async keyEvents(keyId: string, limit: number): Promise<AuditEvent[]> {
    const [workspace, app] = await Promise.all([
      this.core.workspaces.client().client.auditEvents({ keyId, order: "desc", limit }),
      this.core.activity.read({ keyId, limit }),
    ]);
    return [...workspace.events, ...app].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  }

  /** Downloads the connected workspace's bundle and verifies it against the key the workspace names; one check at a time. */
  verifyWorkspaceChain(): Promise<WorkspaceChainCheck> {
    this.checking ??= this.checkWorkspace().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  async verifyAppLog(): Promise<AppLogCheck> {
    const result = await this.core.activity.verify();
    const problem = result.problem;
    return {
      valid: result.valid,
      events: result.events,
      summary: result.summary,
      problem: problem ? { kind: problem.kind, seq: "seq" in problem ? problem.seq : null, line: "line" in problem ? problem.line : null, message: problem.message } : null,
      checkedAt: this.core.now().toISOString(),
    };
  }

  /** Saves the connected workspace's signed bundle where the user chooses, then verifies the saved file. */
  async saveBundle(): Promise<{ path: string | null; verification: BundleVerificationView | null }> {
    const { client } = this.core.workspaces.client();
    const info = await client.workspaceInfo();
    const stamp = this.core.now().toISOString().slice(0, 10);
    const file = await this.core.platform.chooseSaveFile({
      title: "Save the workspace's audit bundle",
      defaultName: `keyward-audit-${info.workspaceId.slice(0, 8)}-${stamp}.json`,
      filters: [{ name: "Audit bundle", extensions: ["json"] }],
    });
    if (!file) return { path: null, verification: null };
    const bytes = await downloadAuditBundle(client, file, (progress) => this.progress("save_bundle", "downloading", progress.bytes, progress.totalBytes));
    this.progress("save_bundle", "verifying", bytes, bytes);
    const { verification, sha256 } = await this.verifyFile(file, info.signingKey.fingerprint);
    void this.recordVerified(file, sha256, verification);
    return { path: file, verification };
  }

  /** Asks for a bundle file and opens it: verified first, then read, with its findings. One at a time. */
  openBundle(): Promise<OpenedBundleView | null> {
    if (this.opening) throw new IpcError("conflict", "An audit bundle is being opened already. Wait for it to finish.");
    this.opening = this.openChosen().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  bundle(): OpenedBundleView | null {
    return this.bundleState?.view ?? null;
  }

  closeBundle(): void {
    this.bundleState = null;
  }

  bundleEvents(query: { keyId?: string | undefined; type?: string | undefined; since?: string | undefined; until?: string | undefined; before?: number | undefined; limit: number }): BundleEventsPage {
    if (!this.bundleState) throw new IpcError("not_found", "No audit bundle is open.");
    return this.bundleState.events(query);
  }

  async signingKey(): Promise<SigningKeyView> {
    const { client } = this.core.workspaces.client();
    const info = await client.workspaceInfo();
    return {
      workspaceName: this.core.workspaces.current().workspace?.name ?? info.name,
      workspaceId: info.workspaceId,
      algorithm: info.signingKey.algorithm,
      fingerprint: info.signingKey.fingerprint,
      publicKey: info.signingKey.publicKey,
    };
  }

  async dispose(): Promise<void> {
    this.bundleState = null;
    await Promise.all([this.checking?.catch(() => undefined), this.opening?.catch(() => undefined)]);
  }

  private async checkWorkspace(): Promise<WorkspaceChainCheck> {
    const { client } = this.core.workspaces.client();
    const workspaceName = this.core.workspaces.current().workspace?.name ?? "the workspace";
    const info = await client.workspaceInfo();
    await fs.mkdir(this.downloads, { recursive: true, mode: 0o700 });
    const file = path.join(this.downloads, `check-${process.pid}-${Date.now()}.json`);
    try {
      const bytes = await downloadAuditBundle(client, file, (progress) => this.progress("workspace_check", "downloading", progress.bytes, progress.totalBytes));
      this.progress("workspace_check", "verifying", bytes, bytes);
      const result = await verifyAuditBundle(file, { expectedFingerprint: info.signingKey.fingerprint });
      return { workspaceName, checkedAt: this.core.now().toISOString(), bytes, verification: verificationView(result) };
    } finally {
      await fs.rm(file, { force: true });
    }
  }

  private async openChosen(): Promise<OpenedBundleView | null> {
    const file = await this.core.platform.chooseOpenFile({ title: "Open an audit bundle", filters: [{ name: "Audit bundle", extensions: ["json"] }] });
    if (!file) return null;
    const size = await fs.stat(file).then(
      (info) => info.size,
      () => 0,
    );
    this.progress("open_bundle", "verifying", size, size);
    const opened = await openAuditBundle(file);
    this.progress("open_bundle", "findings", size, size);
    const preferences = this.core.preferences.values();
    const state = await OpenedBundleState.from(opened, { settings: preferences.findings, rotationDays: preferences.rotationDays, openedAt: this.core.now() });
    this.bundleState = state;
    void this.recordVerified(file, opened.sha256, state.view.verification);
    return state.view;
  }

  private async verifyFile(file: string, expectedFingerprint: string): Promise<{ verification: BundleVerificationView; sha256: string }> {
    const [verification, sha256] = await Promise.all([verifyAuditBundle(file, { expectedFingerprint }), fileSha256(file)]);
    return { verification: verificationView(verification), sha256 };
  }

  /** In the local audit log: which file, its hash, and what verifying it found. A file that could not be hashed is not recorded. */
  private async recordVerified(file: string, sha256: string, verification: BundleVerificationView): Promise<void> {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return;
    await this.core.activity.record("audit.bundle_verified", {
      file: file.length <= LABEL_MAX ? file : path.basename(file).slice(0, LABEL_MAX),
      bundleSha256: sha256,
      valid: verification.valid,
      summary: verification.summary.slice(0, LABEL_MAX),
    });
  }

  private progress(task: ProgressTask, phase: EventPayload<"audit.progress">["phase"], bytes: number, totalBytes: number | null): void {
    this.core.platform.emit("audit.progress", { task, phase, bytes, totalBytes });
  }
}
