import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { protocol } from "electron";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../../electron/main/app-assets";
import { registerAppSchemePrivileges, serveRenderer } from "../../../electron/main/app-protocol";

vi.mock("electron", () => ({ protocol: { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() } }));

let handler: (request: Request) => Promise<Response>;
let base: string;
const get = (url: string, method = "GET") => handler(new Request(url, { method }));

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-protocol-"));
  const root = path.join(base, "renderer");
  fs.mkdirSync(path.join(root, "assets"), { recursive: true });
  fs.writeFileSync(path.join(root, "index.html"), "<!doctype html><title>Keyward</title>");
  fs.writeFileSync(path.join(root, "assets", "index-abc.js"), "console.log('app')");
  fs.writeFileSync(path.join(base, "outside-secret.txt"), "secret");
  serveRenderer(root);
  handler = vi.mocked(protocol.handle).mock.calls[0]![1] as never;
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe("the app:// protocol", () => {
  it("registers app as a standard, secure scheme without CORS", () => {
    registerAppSchemePrivileges();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: "app", privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it("serves index.html and assets with their MIME type and the CSP header", async () => {
    const page = await get("app://keyward/index.html");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain("<title>Keyward</title>");
    const script = await get("app://keyward/assets/index-abc.js");
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("falls back to index.html for routes, but not for missing files", async () => {
    expect(await (await get("app://keyward/keys/abc")).text()).toContain("<title>Keyward</title>");
    expect((await get("app://keyward/assets/missing.js")).status).toBe(404);
    expect((await get("app://keyward/assets")).status).toBe(200);
  });

  it("refuses traversal, other hosts and methods, with the CSP still set", async () => {
    const traversal = await get("app://keyward/..%2foutside-secret.txt");
    expect(traversal.status).toBe(400);
    expect(traversal.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect((await get("app://other/index.html")).status).toBe(404);
    expect((await get("app://keyward/index.html", "POST")).status).toBe(405);
  });

  it("answers HEAD without a body", async () => {
    const head = await get("app://keyward/index.html", "HEAD");
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });
});
