/** The small resources behind the resource endpoints: they exist so that scopes, usage and revocation are real. */
import { z } from "zod";

const Time = z.iso.datetime({ offset: false });
const Title = z.string().trim().min(1, "title must not be empty").max(200, "title must be at most 200 characters");
const Body = z.string().max(10_000, "body must be at most 10000 characters");

const FEEDBACK_STATUS = z.enum(["open", "planned", "in_progress", "done", "closed"]);
const ANNOUNCEMENT_STATUS = z.enum(["draft", "published"]);

// Patch schemas carry no defaults: a PATCH changes only the fields it names.
export const FeedbackPatch = z.strictObject({ title: Title, body: Body, status: FEEDBACK_STATUS }).partial();
export const FeedbackFields = z.strictObject({ title: Title, body: Body.default(""), status: FEEDBACK_STATUS.default("open") });
export const AnnouncementPatch = z.strictObject({ title: Title, body: Body, status: ANNOUNCEMENT_STATUS }).partial();
export const AnnouncementFields = z.strictObject({ title: Title, body: Body.default(""), status: ANNOUNCEMENT_STATUS.default("draft") });
export const UserFields = z.strictObject({
  name: z.string().trim().min(1, "name must not be empty").max(200, "name must be at most 200 characters"),
  email: z.email("email must be an email address").max(320),
});
export const UserPatch = UserFields.partial();

export const RESOURCE_KINDS = {
  feedback: { create: FeedbackFields, patch: FeedbackPatch },
  announcements: { create: AnnouncementFields, patch: AnnouncementPatch },
  users: { create: UserFields, patch: UserPatch },
} as const;
export type ResourceKind = keyof typeof RESOURCE_KINDS;

export const ResourceRecord = z
  .object({ id: z.string(), createdAt: Time, updatedAt: Time })
  .catchall(z.unknown());
export const ResourceList = z.object({ data: z.array(ResourceRecord), nextCursor: z.string().nullable() });

export const Settings = z.strictObject({
  workspaceName: z.string().trim().min(1).max(200),
  timezone: z.string().min(1).max(64),
});
export type Settings = z.infer<typeof Settings>;
export const SettingsPatch = Settings.partial();
export const DEFAULT_SETTINGS: Settings = { workspaceName: "Workspace", timezone: "UTC" };

export const ResourceListQuery = z.strictObject({
  limit: z
    .string()
    .regex(/^\d{1,4}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(1).max(1000))
    .optional(),
  cursor: z.string().max(200).optional(),
});
