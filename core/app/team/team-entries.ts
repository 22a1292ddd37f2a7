/*
 * A new team vault entry from what the user chose: a secret kept in their personal vault (its
 * label and metadata come along), or a secret they typed. A typed key of the connected workspace
 * is linked to its key, found by SHA-256 through the lookup endpoint, as a `.env` import does.
 * Protects against: the user's own identity going into the team vault (refused), a typed secret
 * being sent in clear (only the SHA-256 of a well-formed workspace key is looked up), and an admin
 * token being taken for an API key. Does not protect against: sharing a secret the team should
 * not have; the exposure list records who could read it.
 */
import { createHash } from "node:crypto";
import { parseCredential } from "../../../shared/credential";
import type { AddEntryInput } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import { TEAM_ENTRY_KINDS } from "../../team-vault";
import type { NewEntry } from "../../vault/entries";
import type { VaultService } from "../vault/vault-service";
import type { WorkspaceService } from "../workspaces/workspace-service";

export async function newEntryFor(input: AddEntryInput, deps: { vault: VaultService; workspaces: WorkspaceService }): Promise<NewEntry> {
  if (input.from === "vault") {
    const entry = await deps.vault.findEntry((candidate) => candidate.id === input.vaultEntryId);
    if (!entry) throw new IpcError("not_found", (await deps.vault.isUnlocked()) ? "That entry is not in your vault any more." : "Unlock your vault to share one of its entries.");
    if (entry.kind === TEAM_ENTRY_KINDS.memberIdentity) throw new IpcError("invalid_input", "Your team identity is yours alone: it cannot be shared in a team vault.");
    return { kind: entry.kind as NewEntry["kind"], label: entry.label, secret: await deps.vault.secretOf(entry.id), ...(entry.meta ? { meta: { ...entry.meta } } : {}) };
  }
  const parsed = parseCredential(input.secret);
  if (parsed.ok && parsed.credential.kind === "api_key") {
    const { client, workspaceId } = deps.workspaces.client();
    const sha256 = createHash("sha256").update(input.secret, "utf8").digest("hex");
    const [match] = (await client.lookupKeys([sha256])).matches;
    if (match) {
      const { key } = match;
      return { kind: "api_key_secret", label: input.label || key.name, secret: input.secret, meta: { keyId: key.id, display: key.display, scope: key.scope, workspaceId } };
    }
  }
  if (!input.label) throw new IpcError("invalid_input", "Give the entry a label: it is not a key of this workspace, so it has no name of its own.");
  return { kind: "note", label: input.label, secret: input.secret };
}
