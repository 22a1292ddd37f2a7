/**
 * Broader than its use (the narrowest-scope advisor): over the last `broaderWindowDays` UTC days, a
 * `full` key that made no settings call, or a `write` key that made no write. The suggestion is the
 * narrowest scope that covers what the key did: a full key that wrote needs write, a key that only
 * read needs read. Only keys at least `broaderMinAgeDays` old and used in the window are judged
 * (an unused key is orphaned or never used instead).
 */
import type { ApiKey, Scope } from "../../../shared/api/schemas";
import { elapsedDays } from "../../../shared/domain/days";
import type { FindingContext } from "../context";
import type { FindingDraft } from "../draft";
import { day, plural, SCOPE_WORDS } from "../format";
import { hasUseDetail, within } from "./usage-detail";

export function broaderThanUse(key: ApiKey, ctx: FindingContext): FindingDraft | null {
  if (key.status !== "active" || key.scope === "read" || !hasUseDetail(key)) return null;
  const createdMs = Date.parse(key.createdAt);
  if (elapsedDays(createdMs, ctx.nowMs) < ctx.settings.broaderMinAgeDays) return null;
  const start = ctx.windowStart(ctx.settings.broaderWindowDays);
  if (within(key.lastUsedAt, start) === null) return null;
  const settings = within(key.lastSettingsAt, start);
  const write = within(key.lastWriteAt, start);
  let suggested: Scope;
  if (key.scope === "full") {
    if (settings !== null) return null;
    suggested = write !== null ? "write" : "read";
  } else {
    if (write !== null) return null;
    suggested = "read";
  }
  const period = createdMs > start ? `since it was created ${day(key.createdAt)}` : `in the last ${plural(ctx.settings.broaderWindowDays, "day")}`;
  const did = suggested === "write" ? `it wrote (last ${day(write!)}) but made no settings call` : key.scope === "full" ? "it only read: no write and no settings call" : "it only read: no write";
  return {
    severity: key.scope === "full" ? "medium" : "low",
    explanation: `A ${SCOPE_WORDS[key.scope]} key, but ${period} ${did}: ${SCOPE_WORDS[suggested]} would do.`,
    evidence: {
      scope: key.scope,
      suggestedScope: suggested,
      windowDays: ctx.settings.broaderWindowDays,
      windowStart: new Date(Math.max(start, createdMs)).toISOString(),
      lastReadAt: key.lastReadAt,
      lastWriteAt: key.lastWriteAt,
      lastSettingsAt: key.lastSettingsAt,
    },
    actions: ["rescope"],
    suggestedScope: suggested,
  };
}
