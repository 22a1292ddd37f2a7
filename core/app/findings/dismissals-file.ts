/**
 * dismissed-findings.json: the findings a user dismissed, per workspace, each with its note, when and
 * by whom. Remembered across restarts, shown on the finding, and carried into reviews and reports.
 */
import { z } from "zod";
import { Dismissal } from "../../../shared/domain/findings";
import { stateFile, type VersionedFile } from "../../persist/versioned-file";

export const DismissalsContent = z.object({ byWorkspace: z.record(z.string(), z.array(Dismissal)).catch({}) });
export type DismissalsContent = z.infer<typeof DismissalsContent>;

export function openDismissalsFile(dataDir: string): VersionedFile<DismissalsContent> {
  return stateFile(dataDir, "dismissed-findings.json", { what: "the dismissed findings", version: 1, schema: DismissalsContent, defaults: () => ({ byWorkspace: {} }) });
}
