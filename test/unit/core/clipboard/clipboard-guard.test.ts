import { describe, expect, it } from "vitest";
import { ClipboardGuard, type ClipboardTimers } from "../../../../core/clipboard/clipboard-guard";
import { HarnessClipboard } from "../../../harness/harness-platform";

function controlledClock() {
  let now = 0;
  const timers: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 1;
  const api: ClipboardTimers = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimeout: (id) => {
      const index = timers.findIndex((timer) => timer.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.callback();
    }
  };
  return { api, advance };
}

describe("clipboard guard", () => {
  it("clears the copied secret when its time is up, telling listeners", () => {
    const clipboard = new HarnessClipboard();
    const changes: (string | null)[] = [];
    const clock = controlledClock();
    const guard = new ClipboardGuard(clipboard, (clearsAt) => changes.push(clearsAt), clock.api);
    const { clearsAt } = guard.copy("uo_live_secret", 30);
    expect(clipboard.text).toBe("uo_live_secret");
    expect(clipboard.writtenAsSecret).toBe(true);
    expect(guard.status()).toBe(clearsAt);
    clock.advance(29_999);
    expect(clipboard.text).toBe("uo_live_secret");
    clock.advance(1);
    expect(clipboard.text).toBe("");
    expect(guard.status()).toBeNull();
    expect(changes).toEqual([clearsAt, null]);
  });

  it("leaves alone what the user copied afterwards", () => {
    const clipboard = new HarnessClipboard();
    const clock = controlledClock();
    const guard = new ClipboardGuard(clipboard, () => {}, clock.api);
    guard.copy("uo_live_secret", 30);
    clipboard.writePlain("meeting notes");
    expect(guard.status()).toBeNull();
    clock.advance(30_000);
    expect(clipboard.text).toBe("meeting notes");
    guard.copy("uo_live_other", 30);
    clipboard.writePlain("more notes");
    guard.clearIfOurs(); // on quit
    expect(clipboard.text).toBe("more notes");
  });

  it("clears on quit when the secret is still there, and restarts the countdown on a new copy", () => {
    const clipboard = new HarnessClipboard();
    const clock = controlledClock();
    const guard = new ClipboardGuard(clipboard, () => {}, clock.api);
    guard.copy("first", 30);
    clock.advance(20_000);
    guard.copy("second", 30);
    clock.advance(20_000);
    expect(clipboard.text).toBe("second");
    guard.clearIfOurs();
    expect(clipboard.text).toBe("");
  });
});
