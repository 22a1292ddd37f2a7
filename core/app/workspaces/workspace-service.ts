/*
 * Which workspace the app is connected to. The local workspace (the reference server, run by the
 * app, data in the app's data folder) needs no set-up; a remote workspace is a name in the
 * preferences and an admin token in the vault, stored with the URL it may be sent to.
 * Protects against: the admin token going anywhere but where it was added (the URL is taken from
 * the vault entry, which is encrypted and authenticated, and a different URL in the unprotected
 * preferences file is refused), or over plain HTTP to another machine. Does not protect against:
 * a compromised workspace server, which holds the token's power anyway.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { entryMeta, readEntryMeta } from "../../../shared/domain/vault-entries";
import { normalizeWorkspaceUrl, workspaceUrlProblem } from "../../../shared/domain/workspace-url";
import type { AddWorkspaceInput, WorkspaceState, WorkspaceSummary } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import type { EntryInfo } from "../../vault";
import type { CliLauncher } from "../../workspace/cli-launcher";
import { startLocalWorkspace, type LocalWorkspace } from "../../workspace/local-workspace";
import { WorkspaceClient } from "../../workspace/workspace-client";
import type { PreferencesContent } from "../state";
import type { VersionedFile } from "../../persist/versioned-file";
import type { VaultService } from "../vault/vault-service";

export const LOCAL_WORKSPACE_ID = "local";
/** A workspace given at start-up (`--workspace URL --admin-token T`): its token is held in memory only. */
export const ATTACHED_WORKSPACE_ID = "attached";

export interface WorkspaceServiceOptions {
  dataDir: string;
  cliLaunch: CliLauncher;
  preferences: VersionedFile<PreferencesContent>;
  vault: VaultService;
  onChange: (state: WorkspaceState) => void;
  attached?: { name: string; url: string; adminToken: string };
}

export class WorkspaceService {
  private local: LocalWorkspace | null = null;
  private localStarting: Promise<LocalWorkspace> | null = null;
  private connection: { workspaceId: string; client: WorkspaceClient } | null = null;
  private state: WorkspaceState = { workspace: null, state: "starting", message: null };

  constructor(private readonly options: WorkspaceServiceOptions) {}

  list(): WorkspaceSummary[] {
    const local: WorkspaceSummary = { id: LOCAL_WORKSPACE_ID, name: "Local workspace", url: this.local?.url ?? "", kind: "local", production: false };
    const attached = this.options.attached;
    return [
      ...(attached ? [{ id: ATTACHED_WORKSPACE_ID, name: attached.name, url: attached.url, kind: "remote" as const, production: false }] : []),
      local,
      ...this.options.preferences.get().workspaces.map((workspace) => ({ ...workspace, kind: "remote" as const })),
    ];
  }

  current(): WorkspaceState {
    return this.state;
  }

  /** Connects to the last workspace used, or to the local one. */
  async start(): Promise<WorkspaceState> {
    if (this.options.attached) return this.switch(ATTACHED_WORKSPACE_ID);
    const last = this.options.preferences.get().lastWorkspaceId;
    const known = this.list().some((workspace) => workspace.id === last);
    return this.switch(last && known ? last : LOCAL_WORKSPACE_ID);
  }

  async switch(id: string): Promise<WorkspaceState> {
    const workspace = this.list().find((candidate) => candidate.id === id);
    if (!workspace) throw new IpcError("not_found", "That workspace is not in the list.");
    this.connection = null;
    this.setState({ workspace, state: "starting", message: null });
    try {
      const client = workspace.kind === "local" ? await this.localClient() : await this.remoteClient(workspace);
      if (!client) return this.state;
      await client.verify();
      this.connection = { workspaceId: workspace.id, client };
      if (workspace.id !== ATTACHED_WORKSPACE_ID) await this.options.preferences.update((current) => ({ ...current, lastWorkspaceId: workspace.id }));
      return this.setState({ workspace: { ...workspace, url: client.baseUrl }, state: "connected", message: null });
    } catch (error) {
      const message = error instanceof IpcError ? error.message : "The workspace could not be reached.";
      return this.setState({ workspace, state: "error", message });
    }
  }

  /** After the vault is unlocked, a remote workspace that was waiting for its token can connect. */
  async retryIfWaitingForVault(): Promise<void> {
    if (this.state.state === "needs_vault" && this.state.workspace) await this.switch(this.state.workspace.id);
  }

  /** A locked vault takes the remote workspace's admin token with it: the connection is dropped. */
  async vaultLocked(): Promise<void> {
    const workspace = this.state.workspace;
    if (!workspace || workspace.kind !== "remote" || workspace.id === ATTACHED_WORKSPACE_ID) return;
    this.connection = null;
    this.setState({ workspace, state: "needs_vault", message: `The vault is locked. Unlock it to reconnect to ${workspace.name}.` });
  }

  async add(input: AddWorkspaceInput): Promise<WorkspaceState> {
    const problem = workspaceUrlProblem(input.url);
    if (problem) throw new IpcError("invalid_input", problem);
    const url = normalizeWorkspaceUrl(input.url);
    const twin = this.list().find((workspace) => workspace.url !== "" && normalizeWorkspaceUrl(workspace.url) === url);
    if (twin) throw new IpcError("conflict", `${url} is already in Keyward as “${twin.name}”. Switch to it from the workspace menu.`);
    if (!(await this.options.vault.isUnlocked())) {
      throw new IpcError("vault_locked", "Unlock the vault first: admin tokens are kept in it.");
    }
    const client = new WorkspaceClient(url, input.adminToken);
    await client.verify(); // a dead server, a refused token or a URL that is not a workspace stops here
    const id = `ws_${randomUUID()}`;
    await this.options.vault.add({ kind: "admin_token", label: `Admin token: ${input.name}`, secret: input.adminToken, meta: entryMeta("admin_token", { workspaceId: id, url }) });
    await this.options.preferences.update((current) => ({ ...current, workspaces: [...current.workspaces, { id, name: input.name, url, production: input.production }] }));
    return this.switch(id);
  }

  /** Marks a workspace as production (a coloured band in the app) or not. */
  async update(id: string, changes: { production: boolean }): Promise<WorkspaceSummary[]> {
    if (!this.options.preferences.get().workspaces.some((workspace) => workspace.id === id)) throw new IpcError("not_found", "Only a remote workspace can be marked as production.");
    await this.options.preferences.update((current) => ({
      ...current,
      workspaces: current.workspaces.map((workspace) => (workspace.id === id ? { ...workspace, production: changes.production } : workspace)),
    }));
    const state = this.state.workspace?.id === id && this.state.workspace ? { ...this.state, workspace: { ...this.state.workspace, production: changes.production } } : null;
    if (state) this.setState(state);
    return this.list();
  }

  async remove(id: string): Promise<WorkspaceSummary[]> {
    if (id === LOCAL_WORKSPACE_ID || id === ATTACHED_WORKSPACE_ID) throw new IpcError("invalid_input", "This workspace cannot be removed.");
    if (!this.options.preferences.get().workspaces.some((workspace) => workspace.id === id)) throw new IpcError("not_found", "That workspace is not in the list.");
    if (!(await this.options.vault.isUnlocked())) throw new IpcError("vault_locked", "Unlock the vault first: the workspace's admin token is removed from it too.");
    const token = await this.tokenEntry(id);
    if (token) await this.options.vault.remove(token.id);
    await this.options.preferences.update((current) => ({ ...current, workspaces: current.workspaces.filter((workspace) => workspace.id !== id) }));
    if (this.connection?.workspaceId === id || this.state.workspace?.id === id) await this.switch(LOCAL_WORKSPACE_ID);
    return this.list();
  }

  /** The connected workspace's client, or an error that says why there is none. */
  client(): { workspaceId: string; client: WorkspaceClient } {
    if (this.connection) return this.connection;
    const message = this.state.message ?? (this.state.state === "starting" ? "The workspace is still starting." : "No workspace is connected.");
    throw new IpcError(this.state.state === "needs_vault" ? "vault_locked" : "workspace_unreachable", message);
  }

  async dispose(): Promise<void> {
    this.connection = null;
    const local = this.local ?? (await this.localStarting?.catch(() => null));
    await local?.stop();
  }

  private async localClient(): Promise<WorkspaceClient> {
    if (!this.local) {
      this.localStarting ??= startLocalWorkspace(this.options.cliLaunch, path.join(this.options.dataDir, "local-workspace"));
      try {
        this.local = await this.localStarting;
      } finally {
        this.localStarting = null;
      }
    }
    return new WorkspaceClient(this.local.url, this.local.adminToken);
  }

  private tokenEntry(workspaceId: string): Promise<EntryInfo | undefined> {
    return this.options.vault.findEntry((entry) => entry.kind === "admin_token" && readEntryMeta("admin_token", entry.meta)?.workspaceId === workspaceId);
  }

  private async remoteClient(workspace: WorkspaceSummary): Promise<WorkspaceClient | null> {
    if (workspace.id === ATTACHED_WORKSPACE_ID && this.options.attached) return new WorkspaceClient(workspace.url, this.options.attached.adminToken);
    const entry = await this.tokenEntry(workspace.id);
    if (!entry) {
      const unlocked = await this.options.vault.isUnlocked();
      this.setState({
        workspace,
        state: unlocked ? "error" : "needs_vault",
        message: unlocked ? `The vault holds no admin token for ${workspace.name}. Remove the workspace and add it again.` : `Unlock the vault to connect to ${workspace.name}: its admin token is kept there.`,
      });
      return null;
    }
    // The vault's URL is the one the token was added with; the preferences file can be edited by anyone.
    const storedUrl = readEntryMeta("admin_token", entry.meta)!.url;
    if (normalizeWorkspaceUrl(storedUrl) !== normalizeWorkspaceUrl(workspace.url)) {
      throw new IpcError(
        "workspace_refused",
        `Keyward did not connect to ${workspace.name}: its address in the settings file (${workspace.url}) differs from the one stored with its admin token in the vault (${storedUrl}), so the token was not sent. If the workspace moved, remove it and add it again.`,
      );
    }
    const problem = workspaceUrlProblem(storedUrl);
    if (problem) throw new IpcError("workspace_refused", `Keyward did not connect to ${workspace.name}: ${problem}`);
    return new WorkspaceClient(storedUrl, await this.options.vault.secretOf(entry.id));
  }

  private setState(state: WorkspaceState): WorkspaceState {
    this.state = state;
    this.options.onChange(state);
    return state;
  }
}
