/** reminders.json: which rotation reminders were shown, per `workspaceId/keyId`, so each is shown once. */
import { z } from "zod";
import { stateFile, type VersionedFile } from "../../persist/versioned-file";
import { seedFromLegacy } from "./legacy";

export const RemindersContent = z.object({ sent: z.record(z.string(), z.array(z.string())).catch({}) });
export type RemindersContent = z.infer<typeof RemindersContent>;

export function openRemindersFile(dataDir: string): VersionedFile<RemindersContent> {
  return stateFile(dataDir, "reminders.json", { what: "the reminders already shown", version: 1, schema: RemindersContent, defaults: () => ({ sent: {} }), seed: seedFromLegacy(dataDir, "remindersSent", "sent") });
}
