import { describe, expect, it } from "vitest";
import { APP_ORIGIN, bundlePaths, resolveLaunchOptions } from "../../../electron/main/launch-options";
import { isTrustedUrl, originOf } from "../../../electron/main/trusted-origin";

describe("the IPC sender's origin", () => {
  it("trusts pages of app://keyward only", () => {
    expect(isTrustedUrl("app://keyward/index.html", APP_ORIGIN)).toBe(true);
    expect(isTrustedUrl("app://keyward/keys?x=1#y", APP_ORIGIN)).toBe(true);
    for (const url of [
      "app://keyward.evil/index.html",
      "app://evil/keyward",
      "app://user@keyward/index.html",
      "file:///opt/keyward/out/renderer/index.html",
      "https://keyward/index.html",
      "http://localhost:5173/",
      "about:blank",
      "data:text/html,hi",
      "devtools://devtools/bundled/inspector.html",
      "",
      "not a url",
    ]) {
      expect(isTrustedUrl(url, APP_ORIGIN), url).toBe(false);
    }
  });

  it("compares the dev server by scheme, host and port", () => {
    const origin = originOf("http://localhost:5173/");
    expect(origin).toBe("http://localhost:5173");
    expect(isTrustedUrl("http://localhost:5173/src/main.tsx", origin!)).toBe(true);
    expect(isTrustedUrl("http://localhost:5174/", origin!)).toBe(false);
    expect(isTrustedUrl("https://localhost:5173/", origin!)).toBe(false);
    expect(isTrustedUrl("http://127.0.0.1:5173/", origin!)).toBe(false);
  });
});

describe("launch options", () => {
  it("serves the built renderer from app://keyward when there is no dev server", () => {
    expect(resolveLaunchOptions(false, {})).toEqual({ rendererUrl: "app://keyward/index.html", trustedOrigin: APP_ORIGIN, serveBuiltRenderer: true, dataDirOverride: null });
  });

  it("uses the loopback dev server and a test data folder only when unpackaged", () => {
    const env = { ELECTRON_RENDERER_URL: "http://localhost:5173", KEYWARD_DATA_DIR: "/tmp/keyward-e2e-1" };
    expect(resolveLaunchOptions(false, env)).toEqual({ rendererUrl: "http://localhost:5173/", trustedOrigin: "http://localhost:5173", serveBuiltRenderer: false, dataDirOverride: "/tmp/keyward-e2e-1" });
    expect(resolveLaunchOptions(true, env)).toEqual(resolveLaunchOptions(true, {}));
    expect(resolveLaunchOptions(true, env).rendererUrl).toBe("app://keyward/index.html");
  });

  it("refuses a dev server that is not a loopback http(s) URL, and a relative data folder", () => {
    for (const url of ["https://evil.example/", "file:///tmp/index.html", "http://192.168.1.5:5173/", "javascript:alert(1)", "http://user:pw@localhost:5173/"]) {
      expect(() => resolveLaunchOptions(false, { ELECTRON_RENDERER_URL: url }), url).toThrow(/loopback/);
    }
    expect(() => resolveLaunchOptions(false, { KEYWARD_DATA_DIR: "relative/dir" })).toThrow(/absolute/);
  });

  it("finds the preload, renderer and CLI bundles beside out/main", () => {
    expect(bundlePaths("/app/out/main")).toEqual({ preload: "/app/out/preload/index.cjs", rendererDir: "/app/out/renderer", cli: "/app/out/main/keyward-cli.js" });
  });
});
