import { describe, expect, it, vi } from "vitest";
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

/** Lets the guard's pending clipboard calls (started by a timer) finish. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A clipboard whose next read waits until the test lets it answer. */
class GatedClipboard extends HarnessClipboard {
  private gate: { open: () => void; wait: Promise<void> } | null = null;

  holdNextRead(): () => void {
    let open = () => {};
    const wait = new Promise<void>((resolve) => (open = resolve));
    this.gate = { open, wait };
    return open;
  }

  override async readText(): Promise<string> {
    const gate = this.gate;
    this.gate = null;
    if (gate) await gate.wait;
    return this.text;
  }
}

describe("clipboard guard", () => {
  it("clears the copied secret when its time is up, telling listeners", async () => {
    const clipboard = new HarnessClipboard();
    const changes: (string | null)[] = [];
    const clock = controlledClock();
    const guard = new ClipboardGuard(clipboard, (clearsAt) => changes.push(clearsAt), clock.api);
    const { clearsAt } = await guard.copy("uo_live_secret", 30);
    expect(clipboard.text).toBe("uo_live_secret");
    expect(clipboard.writtenAsSecret).toBe(true);
    expect(await guard.status()).toBe(clearsAt);
    clock.advance(29_999);
    await settle();
    expect(clipboard.text).toBe("uo_live_secret");
    clock.advance(1);
    await settle();
    expect(clipboard.text).toBe("");
    expect(await guard.status()).toBeNull();
    expect(changes).toEqual([clearsAt, null]);
  });

  it("leaves alone what the user copied afterwards", async () => {
    const clipboard = new HarnessClipboard();
    const clock = controlledClock();
    const guard = new ClipboardGuard(clipboard, () => {}, clock.api);
    await guard.copy("uo_live_secret", 30);
    clipboard.writePlain("meeting notes");
    expect(await guard.status()).toBeNull();
    clock.advance(30_000);
    await settle();
    expect(clipboard.text).toBe("meeting notes");
    await guard.copy("uo_live_other", 30);
    clipboard.writePlain("more notes");
    await guard.clearIfOurs(); // on quit
    expect(clipboard.text).toBe("more notes");
  });

  it("clears on quit when the secret is still there, and restarts the countdown on a new copy", async () => {
    const clipboard = new HarnessClipboard();
    const clock = controlledClock();
    const guard = new ClipboardGuard(clipboard, () => {}, clock.api);
    await guard.copy("first", 30);
    clock.advance(20_000);
    await guard.copy("second", 30);
    clock.advance(20_000);
    await settle();
    expect(clipboard.text).toBe("second");
    await guard.clearIfOurs();
    expect(clipboard.text).toBe("");
  });

  it("keeps only a digest of the secret, never the secret itself", async () => {
    const guard = new ClipboardGuard(new HarnessClipboard(), () => {}, controlledClock().api);
    await guard.copy("uo_live_do_not_keep_me", 30);
    const held = Object.values(guard as unknown as Record<string, unknown>);
    expect(held.some((value) => typeof value === "string" && value.includes("uo_live_do_not_keep_me"))).toBe(false);
    expect(held.some((value) => Buffer.isBuffer(value) && value.toString("utf8").includes("uo_live_do_not_keep_me"))).toBe(false);
  });

  it("does not clear or forget a copy that lands while an earlier clear is reading", async () => {
    const clipboard = new GatedClipboard();
    const changes: (string | null)[] = [];
    const guard = new ClipboardGuard(clipboard, (clearsAt) => changes.push(clearsAt), controlledClock().api);
    await guard.copy("first", 30);
    const answer = clipboard.holdNextRead();
    const clearing = guard.clearIfOurs();
    const { clearsAt } = await guard.copy("second", 30);
    answer();
    await clearing;
    expect(clipboard.text).toBe("second");
    expect(await guard.status()).toBe(clearsAt);
    expect(changes.at(-1)).toBe(clearsAt);
    await guard.clearIfOurs();
    expect(clipboard.text).toBe("");
  });

  it("keeps tracking the copy when the clipboard cannot be cleared, so quitting tries again", async () => {
    const clipboard = new HarnessClipboard();
    const guard = new ClipboardGuard(clipboard, () => {}, controlledClock().api);
    await guard.copy("uo_live_secret", 30);
    const clear = vi.spyOn(clipboard, "clear").mockRejectedValueOnce(new Error("clipboard busy"));
    await expect(guard.clearIfOurs()).rejects.toThrow("clipboard busy");
    expect(clipboard.text).toBe("uo_live_secret");
    clear.mockRestore();
    await guard.clearIfOurs();
    expect(clipboard.text).toBe("");
  });
});
