/**
 * Monitoring for the connected workspace: its keys, their recent refusals and clients, the leaks the
 * scanner found and the user's dismissals, run through the findings engine (core/findings) with the
 * thresholds from the preferences. A workspace that cannot give recent usage (an older server) still
 * gets every finding that needs only the inventory, and the answer says which ones were skipped.
 */
import os from "node:os";
import type { ApiKey, RecentUsage } from "../../../shared/api/schemas";
import { FindingKind, type Dismissal, type Finding, type LeakRecord } from "../../../shared/domain/findings";
import { IpcError } from "../../../shared/ipc/errors";
import { computeFindings, recentUsageDays } from "../../findings";
import type { VersionedFile } from "../../persist/versioned-file";
import type { CoreServices } from "../core-services";
import type { DismissalsContent } from "./dismissals-file";

export interface FindingsReport {
  workspaceId: string;
  computedAt: string;
  keys: ApiKey[];
  findings: Finding[];
  /** Why refusals and clients are missing (the refused-requests and shared-key findings), or null. */
  usageProblem: string | null;
}

export interface FindingsServiceDeps {
  core: CoreServices;
  dismissals: VersionedFile<DismissalsContent>;
  /** The scanner's leak records of a workspace. */
  leaks: (workspaceId: string) => LeakRecord[];
}

export class FindingsService {
  constructor(private readonly deps: FindingsServiceDeps) {}

  /** Every finding of the connected workspace, now. */
  async report(): Promise<FindingsReport> {
    const { core } = this.deps;
    const { client, workspaceId } = core.workspaces.client();
    const settings = core.preferences.values().findings;
    const [keys, usage] = await Promise.all([
      core.keys.list(),
      client.recentUsage(recentUsageDays(settings)).then(
        (recent): { recent: RecentUsage; problem: null } => ({ recent, problem: null }),
        (error: unknown) => ({ recent: null, problem: error instanceof IpcError ? error.message : "The workspace did not give its recent usage." }),
      ),
    ]);
    const now = core.now();
    const findings = computeFindings({
      keys,
      usage: usage.recent,
      leaks: this.deps.leaks(workspaceId),
      dismissals: this.dismissalsOf(workspaceId),
      settings,
      rotationDays: core.preferences.values().rotationDays,
      now,
    });
    return { workspaceId, computedAt: now.toISOString(), keys, findings, usageProblem: usage.problem };
  }

  dismissalsOf(workspaceId: string): Dismissal[] {
    return this.deps.dismissals.get().byWorkspace[workspaceId] ?? [];
  }

  /** Dismisses a finding of the connected workspace with a note (kept, and shown in audits). */
  async dismiss(id: string, note: string): Promise<Dismissal> {
    const { core } = this.deps;
    const { workspaceId } = core.workspaces.client();
    const [kind, keyId] = splitFindingId(id);
    const dismissal: Dismissal = { findingId: id, note, at: core.now().toISOString(), by: userName() };
    await this.deps.dismissals.update((current) => ({
      byWorkspace: { ...current.byWorkspace, [workspaceId]: [...(current.byWorkspace[workspaceId] ?? []).filter((kept) => kept.findingId !== id), dismissal] },
    }));
    void core.activity.record("finding.dismissed", { workspace: this.workspaceLabel(workspaceId), findingId: id, kind, note }, keyId);
    return dismissal;
  }

  /** Takes a dismissal back: the finding shows as open again. */
  async restore(id: string): Promise<void> {
    const { core } = this.deps;
    const { workspaceId } = core.workspaces.client();
    if (!this.dismissalsOf(workspaceId).some((dismissal) => dismissal.findingId === id)) throw new IpcError("not_found", "That finding is not dismissed.");
    await this.deps.dismissals.update((current) => ({
      byWorkspace: { ...current.byWorkspace, [workspaceId]: (current.byWorkspace[workspaceId] ?? []).filter((kept) => kept.findingId !== id) },
    }));
    const [kind, keyId] = splitFindingId(id);
    void core.activity.record("finding.restored", { workspace: this.workspaceLabel(workspaceId), findingId: id, kind }, keyId);
  }

  private workspaceLabel(workspaceId: string): string {
    return this.deps.core.workspaces.current().workspace?.name ?? workspaceId;
  }
}

/** `<kind>:<keyId>` (see core/findings' findingId) into its parts; refuses an id of no known kind. */
function splitFindingId(id: string): [FindingKind, string] {
  const at = id.indexOf(":");
  const kind = FindingKind.safeParse(id.slice(0, at));
  if (at <= 0 || !kind.success || at === id.length - 1) throw new IpcError("invalid_input", "That is not a finding of this app.");
  return [kind.data, id.slice(at + 1)];
}

/** Who dismissed it: the account's name on this computer (the app has no other identity). */
function userName(): string | null {
  try {
    return os.userInfo().username || null;
  } catch {
    return null;
  }
}

