/** Monitoring's findings for the connected workspace, and dismissing one with a note. */
import { z } from "zod";
import { Dismissal, Finding } from "../../domain/findings";
import { channel, NoInput, Time } from "./common";

export const FindingsList = z.object({
  workspaceId: z.string(),
  computedAt: Time,
  findings: z.array(Finding),
  /** Why refusals and clients could not be read (those findings are missing), or null. */
  usageProblem: z.string().nullable(),
});
export type FindingsList = z.infer<typeof FindingsList>;

const FindingRef = z.strictObject({ findingId: z.string().min(3).max(300) });

export const FINDING_CHANNELS = {
  list: channel(NoInput, FindingsList),
  /** A note is required: why this finding needs no action (kept, and shown in audits). */
  dismiss: channel(FindingRef.extend({ note: Dismissal.shape.note }), Dismissal),
  restore: channel(FindingRef, z.null()),
} as const;
