/** Shows rotation reminders as desktop notifications, each once, and remembers which were shown (reminders.json). */
import type { ApiKey } from "../../../shared/api/schemas";
import type { VersionedFile } from "../../persist/versioned-file";
import type { RemindersContent } from "../state/reminders-file";
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
  file: VersionedFile<RemindersContent>;
  rotationDays: () => number;
  notifier: Notifier;
  now: () => Date;
  /** Keys already being rotated (old and new) get no reminder. */
  rotatingKeyIds: () => ReadonlySet<string>;
  onClick: (keyId: string) => void;
}

export class ReminderService {
  constructor(private readonly deps: ReminderServiceDeps) {}

  /** Shows what is due for these keys of this workspace; answers how many were shown. */
  async check(workspaceId: string, keys: readonly ApiKey[]): Promise<number> {
    const sent = this.deps.file.get().sent;
    const due = dueReminders(keys, {
      rotationDays: this.deps.rotationDays(),
      now: this.deps.now(),
      alreadyShown: (keyId) => sent[`${workspaceId}/${keyId}`] ?? [],
      skip: this.deps.rotatingKeyIds(),
    });
    if (due.length === 0) return 0;
    // Remembered before it is shown: a crash must not show it twice.
    await this.deps.file.update(({ sent: current }) => {
      const next = { ...current };
      for (const reminder of due) {
        const id = `${workspaceId}/${reminder.keyId}`;
        next[id] = [...new Set([...(current[id] ?? []), ...reminder.passed])];
      }
      return { sent: next };
    });
    for (const reminder of due) {
      this.deps.notifier.show({ title: reminder.title, body: reminder.body }, () => this.deps.onClick(reminder.keyId));
    }
    return due.length;
  }
}
