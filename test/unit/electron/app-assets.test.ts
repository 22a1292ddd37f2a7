import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, mimeTypeFor, resolveAsset, responseHeaders } from "../../../electron/main/app-assets";

const root = "/opt/keyward/out/renderer";
const resolve = (url: string, method?: string) => resolveAsset(root, url, method);

describe("app:// asset resolution", () => {
  it("serves index.html for the root and files below the renderer folder", () => {
    expect(resolve("app://keyward/")).toEqual({ ok: true, file: `${root}/index.html`, spaFallback: false });
    expect(resolve("app://keyward")).toEqual({ ok: true, file: `${root}/index.html`, spaFallback: false });
    expect(resolve("app://keyward/assets/index-abc.js?v=1#x")).toEqual({ ok: true, file: `${root}/assets/index-abc.js`, spaFallback: false });
    expect(resolve("app://keyward/assets/my%20font.woff2")).toEqual({ ok: true, file: `${root}/assets/my font.woff2`, spaFallback: false });
  });

  it("marks extension-less routes for the single-page fallback", () => {
    expect(resolve("app://keyward/keys")).toEqual({ ok: true, file: `${root}/keys`, spaFallback: true });
  });

  it("lets the URL parser's own dot-segment removal stop at the root", () => {
    // The parser resolves "..", "%2e%2e" and "./" before we see the path; it cannot climb above "/".
    for (const url of ["app://keyward/../../etc/passwd", "app://keyward/%2e%2e/%2e%2e/etc/passwd", "app://keyward/assets/./.%2E/../etc/passwd"]) {
      expect(resolve(url), url).toEqual({ ok: true, file: `${root}/etc/passwd`, spaFallback: true });
    }
  });

  it.each([
    ["..%2f", "app://keyward/..%2f..%2fetc%2fpasswd"],
    ["..%5c", "app://keyward/..%5c..%5cwindows%5cwin.ini"],
    ["mixed-case encoding", "app://keyward/assets/%2E%2E%2F%2E%2E%2Fsecret"],
    ["encoded slash to an absolute path", "app://keyward/%2Fetc%2Fpasswd"],
    ["a double slash", "app://keyward//etc/passwd"],
    ["a drive path", "app://keyward/C:%5CWindows%5Cwin.ini"],
    ["an NTFS stream", "app://keyward/index.html::$DATA"],
    ["an encoded NUL", "app://keyward/index.html%00.png"],
    ["an encoded NUL alone", "app://keyward/%00"],
    ["an encoded newline", "app://keyward/a%0Ab.js"],
    ["a backslash", "app://keyward/assets\\..\\..\\secret"],
    ["a dotfile", "app://keyward/.vite/manifest.json"],
    ["a trailing slash", "app://keyward/assets/"],
    ["malformed percent-encoding", "app://keyward/%E0%A4%A"],
  ])("refuses %s", (_name, url) => {
    const result = resolve(url);
    expect(result.ok).toBe(false);
    if (result.ok) throw new Error(`served ${result.file}`);
    expect(result.status).toBe(400);
  });

  it.each([
    ["another host", "app://evil/index.html"],
    ["no host", "app:///etc/passwd"],
    ["credentials", "app://user:pass@keyward/index.html"],
    ["another scheme", "file:///etc/passwd"],
    ["https", "https://keyward/index.html"],
  ])("answers 404 for %s", (_name, url) => {
    expect(resolve(url)).toEqual({ ok: false, status: 404 });
  });

  it("refuses a string that is not a URL, and methods other than GET and HEAD", () => {
    expect(resolve("not a url")).toEqual({ ok: false, status: 400 });
    expect(resolve("app://keyward/index.html", "POST")).toEqual({ ok: false, status: 405 });
    expect(resolve("app://keyward/index.html", "HEAD").ok).toBe(true);
  });

  it("keeps Windows paths inside the root too", () => {
    const winRoot = "C:\\Program Files\\Keyward\\resources\\app.asar\\out\\renderer";
    expect(resolveAsset(winRoot, "app://keyward/assets/a.js", "GET", path.win32)).toEqual({ ok: true, file: `${winRoot}\\assets\\a.js`, spaFallback: false });
    for (const url of ["app://keyward/..%5c..%5cx", "app://keyward/C:%5Cx", "app://keyward/%5C%5Cserver%5Cshare"]) {
      expect(resolveAsset(winRoot, url, "GET", path.win32).ok).toBe(false);
    }
  });
});

describe("app:// answers", () => {
  it("has the MIME types a Vite build needs, and octet-stream otherwise", () => {
    expect(mimeTypeFor("index.html")).toBe("text/html; charset=utf-8");
    expect(mimeTypeFor("assets/index-abc.js")).toBe("text/javascript; charset=utf-8");
    expect(mimeTypeFor("assets/index-abc.CSS")).toBe("text/css; charset=utf-8");
    expect(mimeTypeFor("logo.svg")).toBe("image/svg+xml");
    expect(mimeTypeFor("font.woff2")).toBe("font/woff2");
    expect(mimeTypeFor("archive.exe")).toBe("application/octet-stream");
    expect(mimeTypeFor("README")).toBe("application/octet-stream");
  });

  it("sends the strict CSP, nosniff and no-store on every answer", () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    const headers = responseHeaders("text/html; charset=utf-8");
    expect(headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["cache-control"]).toBe("no-store");
  });
});
