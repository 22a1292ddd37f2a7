/*
 * Export of the personal or the open team vault to one age-encrypted file (for the team's members,
 * for the user alone, for pasted cards, or under a passphrase), and import of such a file back into
 * either vault, each recorded in the local audit log.
 * Protects against: an export anyone can read (age: X25519 or scrypt, authenticated; written 0600),
 * a changed export being imported (age's MACs; nothing is imported then), a user's own identity
 * going into a team vault (member identities are left out of team imports), and a personal export
 * by whoever sits at an unlocked computer (the passphrase is asked again). Does not protect
 * against: a weak export passphrase, or what a recipient does with the file.
 */
import type { ImportTarget } from "../../../shared/ipc/contract";
import type { z } from "zod";
import type { ExportInput, ImportInput } from "../../../shared/ipc/contract";
import { IpcError } from "../../../shared/ipc/errors";
import { exportPayload, parseMemberCard, readExport, TEAM_ENTRY_KINDS, teamExportPayload, writeExport, type ExportKey, type ExportPayload, type ExportProtection, type MemberIdentity, type TeamVault } from "../../team-vault";
import type { ActivityLog } from "../audit/activity-log";
import type { Platform } from "../platform";
import type { VaultService } from "../vault/vault-service";
import { importIntoPersonal, readPersonalEntries, type ImportCounts } from "./personal-vault-access";
import { teamCall } from "./team-errors";
import { fileSlug } from "./team-file";

export interface TransferDeps {
  platform: Platform;
  vault: VaultService;
  activity: ActivityLog;
  now: () => Date;
  identity(): Promise<MemberIdentity>;
  /** The open team vault, or null. */
  team(): TeamVault | null;
}

const AGE_FILTERS = [
  { name: "Keyward export (age)", extensions: ["age"] },
  { name: "All files", extensions: ["*"] },
];

function requireTeam(deps: TransferDeps): TeamVault {
  const team = deps.team();
  if (!team) throw new IpcError("not_found", "Open a team vault first.");
  return team;
}

async function protectionOf(deps: TransferDeps, input: z.output<typeof ExportInput>["protection"]): Promise<ExportProtection> {
  switch (input.kind) {
    case "passphrase":
      return { passphrase: input.passphrase };
    case "me":
      return { recipients: [(await deps.identity()).recipient] };
    case "members":
      return { recipients: requireTeam(deps).members().map((member) => parseMemberCard(member.card)) };
    case "cards":
      // A line is a member card or a bare age recipient (age1…); encryptExport checks the latter.
      return { recipients: input.cards.map((card) => (card.startsWith("age1") ? card : parseMemberCard(card))) };
  }
}

export async function exportVault(deps: TransferDeps, input: z.output<typeof ExportInput>): Promise<{ path: string | null; entries: number }> {
  return teamCall(async () => {
    const at = deps.now();
    let payload: ExportPayload;
    let name: string;
    if (input.source === "personal") {
      if (!input.vaultPassphrase) throw new IpcError("invalid_input", "Enter your vault's passphrase to export it.");
      payload = exportPayload({ kind: "personal" }, await readPersonalEntries(deps.vault, input.vaultPassphrase), at);
      name = "personal-vault";
    } else {
      const team = requireTeam(deps);
      payload = teamExportPayload(team, at);
      name = fileSlug(team.name);
    }
    const protection = await protectionOf(deps, input.protection);
    const file = await deps.platform.chooseSaveFile({
      title: input.source === "personal" ? "Export your vault" : "Export the team vault",
      defaultName: `keyward-${name}-${at.toISOString().slice(0, 10)}.age`,
      filters: AGE_FILTERS,
    });
    if (!file) return { path: null, entries: 0 };
    await writeExport(file, payload, protection);
    void deps.activity.record("vault.exported", { file, entries: payload.entries.length });
    return { path: file, entries: payload.entries.length };
  });
}

export type ImportOutcome = ImportCounts & { cancelled: boolean; file: string | null };

export async function importVault(deps: TransferDeps, input: z.output<typeof ImportInput>): Promise<ImportOutcome> {
  return teamCall(async () => {
    const target: ImportTarget = input.target;
    if (target === "team") requireTeam(deps);
    else if (!(await deps.vault.isUnlocked())) throw new IpcError("vault_locked", "Unlock your vault to import into it.");
    const key: ExportKey = input.key.kind === "passphrase" ? { passphrase: input.key.passphrase } : { identity: await deps.identity() };
    const file = await deps.platform.chooseOpenFile({ title: "Import a Keyward export", filters: AGE_FILTERS });
    if (!file) return { cancelled: true, file: null, added: 0, updated: 0, unchanged: 0, skipped: 0 };
    const payload = await readExport(file, key);
    let counts: ImportCounts;
    if (target === "team") {
      const shared = payload.entries.filter((entry) => entry.kind !== TEAM_ENTRY_KINDS.memberIdentity);
      const result = await requireTeam(deps).importEntries(shared);
      counts = { ...result, skipped: payload.entries.length - shared.length };
    } else {
      counts = await importIntoPersonal(deps.vault, payload.entries, deps.now());
    }
    void deps.activity.record("vault.imported", { file, entries: counts.added + counts.updated });
    return { cancelled: false, file, ...counts };
  });
}
