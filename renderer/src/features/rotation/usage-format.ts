/** How the verify and revoke steps tell a key's use: when, from where, by which client. */
import type { KeyUse } from "../../../../shared/ipc/contract";
import { formatRelative } from "../../ui/format";

const clockTime = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
const dayAndTime = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** "12:03:41" today, "Mar 3, 12:03:41" another day. */
export function formatUseTime(iso: string, now: number): string {
  const date = new Date(iso);
  return date.toDateString() === new Date(now).toDateString() ? clockTime.format(date) : dayAndTime.format(date);
}

/** "12 s ago", "4 min ago", then "3 hours ago", "yesterday". */
export function formatAgo(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return formatRelative(iso, now);
}

/** "10.0.0.5 (zapier-client/2.1)". */
export function formatClient(use: Pick<KeyUse, "ip" | "userAgent">): string {
  return `${use.ip} (${use.userAgent || "no client name"})`;
}
