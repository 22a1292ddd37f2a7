import { describe, expect, it } from "vitest";
import { forbiddenDebugSwitch } from "../../../electron/main/debug-switches";

describe("remote debugging switches", () => {
  it.each([
    [["/opt/Keyward/keyward", "--remote-debugging-port=9222"], "--remote-debugging-port"],
    [["keyward", "--remote-debugging-port", "9222"], "--remote-debugging-port"],
    [["keyward", "--remote-debugging-pipe"], "--remote-debugging-pipe"],
    [["keyward", "-remote-debugging-port=9222"], "--remote-debugging-port"],
    [["Keyward.exe", "/REMOTE-DEBUGGING-PORT=9222"], "--remote-debugging-port"],
    [["keyward", "--inspect"], "--inspect"],
    [["keyward", "--inspect=0.0.0.0:9229"], "--inspect"],
    [["keyward", "--inspect-brk=9229"], "--inspect-brk"],
    [["keyward", "--inspect-port=9229"], "--inspect-port"],
  ])("finds %j", (argv, expected) => {
    expect(forbiddenDebugSwitch(argv)).toBe(expected);
  });

  it("lets ordinary arguments through", () => {
    expect(forbiddenDebugSwitch(["keyward", "--no-sandbox-is-not-ours", "--lang=en", "--remote-debugging", "inspect"])).toBeNull();
  });
});
