/** Shows rotation reminders as desktop notifications, each once, and remembers which were shown. */
import type { ApiKey } from "../../shared/api/schemas";
import type { PreferencesStore } from "./preferences";
import { dueReminders } from "./rotation-reminders";

export interface DesktopNotification {
  title: string;
  body: string;
}

export interface Notifier {
  /** Shows a notification; `onClick` runs when the user clicks it. */
  show(notification: DesktopNotification, onClick: () => void): void;
}

export interface ReminderServiceDeps {
  preferences: PreferencesStore;
  notifier: Notifier;
  now: () => Date;
  /** Keys already being rotated (old and new) get no reminder. */
  rotatingKeyIds: () => ReadonlySet<string>;
  onClick: (keyId: string) => void;
}

export class ReminderService {
  constructor(private readonly deps: ReminderServiceDeps) {}

  /** Shows what is due for these keys of this workspace; answers how many were shown. */
  check(workspaceId: string, keys: readonly ApiKey[]): number {
    const preferences = this.deps.preferences.read();
    const sent = preferences.remindersSent;
    const due = dueReminders(keys, {
      rotationDays: preferences.rotationDays,
      now: this.deps.now(),
      alreadyShown: (keyId) => sent[`${workspaceId}/${keyId}`] ?? [],
      skip: this.deps.rotatingKeyIds(),
    });
    if (due.length === 0) return 0;
    const next = { ...sent };
    for (const reminder of due) {
      // Remembered before it is shown: a crash must not show it twice.
      next[`${workspaceId}/${reminder.keyId}`] = [...new Set([...(sent[`${workspaceId}/${reminder.keyId}`] ?? []), ...reminder.passed])];
    }
    this.deps.preferences.write({ remindersSent: next });
    for (const reminder of due) {
      this.deps.notifier.show({ title: reminder.title, body: reminder.body }, () => this.deps.onClick(reminder.keyId));
    }
    return due.length;
  }
}
