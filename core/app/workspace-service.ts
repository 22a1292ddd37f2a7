/*
 * Which workspace the app is connected to. The local workspace (the reference server, run by the
 * app, data in the app's data folder) needs no set-up; remote workspaces are a name and URL in the
 * preferences and an admin token in the vault, so connecting to one needs the vault unlocked.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { WorkspaceState, WorkspaceSummary } from "../../shared/ipc/contract";
import { IpcError } from "../../shared/ipc/errors";
import type { PreferencesStore } from "./preferences";
import type { VaultService } from "./vault-service";
import { startLocalWorkspace, type CliLaunch, type LocalWorkspace } from "../workspace/local-workspace";
import { WorkspaceClient } from "../workspace/workspace-client";

export const LOCAL_WORKSPACE_ID = "local";
/** A workspace given at start-up (`--workspace URL --admin-token T`): its token is held in memory only. */
export const ATTACHED_WORKSPACE_ID = "attached";
const ADMIN_TOKEN_KIND = "admin_token";

export interface WorkspaceServiceOptions {
  dataDir: string;
  cliLaunch: CliLaunch;
  preferences: PreferencesStore;
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
    const local: WorkspaceSummary = { id: LOCAL_WORKSPACE_ID, name: "Local workspace", url: this.local?.url ?? "", kind: "local" };
    const attached = this.options.attached;
    return [
      ...(attached ? [{ id: ATTACHED_WORKSPACE_ID, name: attached.name, url: attached.url, kind: "remote" as const }] : []),
      local,
      ...this.options.preferences.read().workspaces.map((workspace) => ({ ...workspace, kind: "remote" as const })),
    ];
  }

  current(): WorkspaceState {
    return this.state;
  }

  /** Connects to the last workspace used, or to the local one. */
  async start(): Promise<WorkspaceState> {
    if (this.options.attached) return this.switch(ATTACHED_WORKSPACE_ID);
    const last = this.options.preferences.read().lastWorkspaceId;
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
      if (workspace.id !== ATTACHED_WORKSPACE_ID) this.options.preferences.write({ lastWorkspaceId: workspace.id });
      return this.setState({ workspace: { ...workspace, url: client.baseUrl }, state: "connected", message: null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
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

  async add(input: { name: string; url: string; adminToken: string }): Promise<WorkspaceState> {
    if (!(await this.options.vault.isUnlocked())) {
      throw new IpcError("vault_locked", "Unlock the vault first: admin tokens are kept in it.");
    }
    const url = new URL(input.url).toString().replace(/\/+$/, "");
    const client = new WorkspaceClient(url, input.adminToken);
    await client.verify(); // a dead server, a refused token or a URL that is not a workspace stops here
    const id = `ws_${randomUUID()}`;
    await this.options.vault.add({ kind: ADMIN_TOKEN_KIND, label: `Admin token: ${input.name}`, secret: input.adminToken, meta: { workspaceId: id, url } });
    const workspaces = this.options.preferences.read().workspaces;
    this.options.preferences.write({ workspaces: [...workspaces, { id, name: input.name, url }] });
    return this.switch(id);
  }

  async remove(id: string): Promise<WorkspaceSummary[]> {
    if (id === LOCAL_WORKSPACE_ID || id === ATTACHED_WORKSPACE_ID) throw new IpcError("invalid_input", "This workspace cannot be removed.");
    const workspaces = this.options.preferences.read().workspaces;
    if (!workspaces.some((workspace) => workspace.id === id)) throw new IpcError("not_found", "That workspace is not in the list.");
    const token = await this.options.vault.findEntry((entry) => entry.meta?.workspaceId === id && entry.kind === ADMIN_TOKEN_KIND);
    if (!(await this.options.vault.isUnlocked())) throw new IpcError("vault_locked", "Unlock the vault first: the workspace's admin token is removed from it too.");
    if (token) await this.options.vault.remove(token.id);
    this.options.preferences.write({ workspaces: workspaces.filter((workspace) => workspace.id !== id) });
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

  private async remoteClient(workspace: WorkspaceSummary): Promise<WorkspaceClient | null> {
    if (workspace.id === ATTACHED_WORKSPACE_ID && this.options.attached) return new WorkspaceClient(workspace.url, this.options.attached.adminToken);
    const entry = await this.options.vault.findEntry((candidate) => candidate.meta?.workspaceId === workspace.id && candidate.kind === ADMIN_TOKEN_KIND);
    if (!entry) {
      const unlocked = await this.options.vault.isUnlocked();
      this.setState({
        workspace,
        state: unlocked ? "error" : "needs_vault",
        message: unlocked ? `The vault holds no admin token for ${workspace.name}. Remove the workspace and add it again.` : `Unlock the vault to connect to ${workspace.name}: its admin token is kept there.`,
      });
      return null;
    }
    return new WorkspaceClient(workspace.url, await this.options.vault.secretOf(entry.id));
  }

  private setState(state: WorkspaceState): WorkspaceState {
    this.state = state;
    this.options.onChange(state);
    return state;
  }
}
