/**
 * Findings: what monitoring concludes about a key from the inventory, its usage and the scanner,
 * each with the evidence and the one action that resolves it. The engine (core/findings) is a
 * pure function of these inputs; the desktop app, the offline audit mode and the reports all
 * read findings in this shape. Thresholds are settings, bounded here once.
 */
import { z } from "zod";
import { Scope } from "../api/schemas";

export const FINDING_KINDS = [
  "leaked_in_source",
  "refused_requests",
  "dormant_awakened",
  "broader_than_use",
  "shared_key",
  "rotation_overdue",
  "orphaned",
  "never_used",
  "expiring_soon",
] as const;
export const FindingKind = z.enum(FINDING_KINDS);
export type FindingKind = z.infer<typeof FindingKind>;

/** Each kind's name, as the app, the reports and the command line show it. */
export const FINDING_TITLES: Record<FindingKind, string> = {
  leaked_in_source: "Leaked in source",
  refused_requests: "Refused requests",
  dormant_awakened: "Dormant key awakened",
  broader_than_use: "Broader than its use",
  shared_key: "Shared key",
  rotation_overdue: "Rotation overdue",
  orphaned: "Orphaned",
  never_used: "Never used",
  expiring_soon: "Expiring soon",
};

export const FINDING_SEVERITIES = ["critical", "high", "medium", "low"] as const;
export const FindingSeverity = z.enum(FINDING_SEVERITIES);
export type FindingSeverity = z.infer<typeof FindingSeverity>;

export const FINDING_ACTIONS = ["revoke", "rotate", "rescope", "dismiss"] as const;
export const FindingAction = z.enum(FINDING_ACTIONS);
export type FindingAction = z.infer<typeof FindingAction>;

const Time = z.iso.datetime({ offset: false });

/** A finding the user dismissed, with why: remembered, and shown in audits. */
export const Dismissal = z.object({
  findingId: z.string().min(1).max(300),
  note: z.string().trim().min(1, "Say why this finding is dismissed").max(1000),
  at: Time,
  by: z.string().max(200).nullable(),
});
export type Dismissal = z.infer<typeof Dismissal>;

export const Finding = z.object({
  /** Stable across runs: `<kind>:<keyId>`, so a dismissal sticks to it. */
  id: z.string(),
  kind: FindingKind,
  keyId: z.string(),
  severity: FindingSeverity,
  /** One line with the evidence in numbers and dates, e.g. "Not used for 124 days (last used 2026-07-28)." */
  explanation: z.string(),
  /** The facts behind the explanation, for reports and filters. */
  evidence: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])),
  /** The action that resolves it first; "dismiss" is always last. */
  actions: z.array(FindingAction),
  /** For broader_than_use: the narrowest scope that covers what the key did. */
  suggestedScope: Scope.nullable(),
  dismissal: Dismissal.nullable(),
});
export type Finding = z.infer<typeof Finding>;

/** A whole number within bounds, with messages a settings form can show as they are. */
const bounded = (min: number, max: number, unit: string) =>
  z
    .number({ error: "Enter a whole number" })
    .int("Enter a whole number")
    .min(min, `At least ${min} ${unit}`)
    .max(max, `At most ${max} ${unit}`);
const days = (min: number, max: number, fallback: number) => bounded(min, max, "days").default(fallback);

/** Thresholds, in days unless named otherwise. The rotation policy comes from the preferences' rotationDays. */
export const FindingSettings = z.object({
  orphanedDays: days(7, 3650, 90),
  neverUsedDays: days(1, 365, 7),
  broaderWindowDays: days(7, 90, 30),
  broaderMinAgeDays: days(1, 90, 7),
  dormantDays: days(7, 3650, 30),
  refusedWindowDays: days(1, 90, 7),
  sharedClientCount: bounded(2, 100, "clients").default(3),
  sharedWindowDays: days(1, 90, 7),
  expiringDays: days(1, 365, 14),
});
export type FindingSettings = z.infer<typeof FindingSettings>;
export const DEFAULT_FINDING_SETTINGS: FindingSettings = FindingSettings.parse({});

/** A key of this workspace found in source code by the scanner (never the secret: the display form). */
export const LeakRecord = z.object({
  keyId: z.string(),
  display: z.string(),
  foundAt: Time,
  /** Where it was found, e.g. "src/config.ts:12" or "a1b2c3d:deploy/.env:3". */
  locations: z.array(z.string()).max(50),
  locationCount: z.number().int().min(1),
});
export type LeakRecord = z.infer<typeof LeakRecord>;
