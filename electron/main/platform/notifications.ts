/*
 * Rotation reminders as desktop notifications. A notification names a key, never its secret; a
 * click brings the window forward and opens that key's rotation.
 */
import { Notification } from "electron";
import type { DesktopNotification, Notifier } from "../../../core/app/rotation/reminder-service";

export function electronNotifier(focusWindow: () => void): Notifier {
  // Shown notifications are kept referenced: a collected one loses its click handler.
  const shown = new Set<Notification>();
  return {
    show(notification: DesktopNotification, onClick: () => void) {
      if (!Notification.isSupported()) return;
      const native = new Notification({ title: notification.title, body: notification.body });
      shown.add(native);
      native.on("click", () => {
        focusWindow();
        onClick();
      });
      native.on("close", () => shown.delete(native));
      native.show();
    },
  };
}
