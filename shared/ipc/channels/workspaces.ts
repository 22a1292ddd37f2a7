/** Workspaces: the local one, remote ones (name and URL; the admin token in the vault), which is connected.
 * Protects against: an admin token sent over plain HTTP off this computer (the URL rule). Does not
 * protect against: a token for the wrong workspace.
 */
import { z } from "zod";
import { workspaceUrlProblem } from "../../domain/workspace-url";
import { channel, Id, NoInput } from "./common";

export const WorkspaceSummary = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  kind: z.enum(["local", "remote"]),
  /** Shown with a coloured band, so nobody changes production keys by mistake. */
  production: z.boolean(),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export const WorkspaceState = z.object({
  workspace: WorkspaceSummary.nullable(),
  state: z.enum(["starting", "connected", "error", "needs_vault"]),
  /** Why the workspace is not connected, in words a user understands. */
  message: z.string().nullable(),
});
export type WorkspaceState = z.infer<typeof WorkspaceState>;

export const AddWorkspaceInput = z.strictObject({
  name: z.string().trim().min(1, "Give the workspace a name").max(100, "Use at most 100 characters"),
  url: z
    .string()
    .trim()
    .min(1, "Enter the workspace's address")
    .max(2000, "That address is too long")
    .superRefine((url, context) => {
      const problem = workspaceUrlProblem(url);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
  adminToken: z.string().trim().min(1, "Paste the workspace's admin token").max(200, "That is too long for an admin token"),
  production: z.boolean().default(false),
});
export type AddWorkspaceInput = z.output<typeof AddWorkspaceInput>;

export const WORKSPACE_CHANNELS = {
  list: channel(NoInput, z.array(WorkspaceSummary)),
  current: channel(NoInput, WorkspaceState),
  add: channel(AddWorkspaceInput, WorkspaceState),
  switch: channel(z.strictObject({ id: Id }), WorkspaceState),
  update: channel(z.strictObject({ id: Id, production: z.boolean() }), z.array(WorkspaceSummary)),
  remove: channel(z.strictObject({ id: Id }), z.array(WorkspaceSummary)),
} as const;
