import { describe, expect, it } from "vitest";
import { externalUrlToOpen } from "../../../electron/main/external-url";

describe("links opened in the user's browser", () => {
  it("opens http and https URLs, as the parser serializes them", () => {
    expect(externalUrlToOpen("https://docs.example.com/keys?tab=scopes#narrow")).toBe("https://docs.example.com/keys?tab=scopes#narrow");
    expect(externalUrlToOpen("http://example.com")).toBe("http://example.com/");
    expect(externalUrlToOpen("HTTPS://EXAMPLE.com/a/../b")).toBe("https://example.com/b");
    expect(externalUrlToOpen("  https://example.com/\n")).toBe("https://example.com/");
  });

  it.each([
    ["javascript:", "javascript:alert(document.cookie)"],
    ["javascript: with spaces and case", " JavaScript:alert(1)"],
    ["file:", "file:///etc/passwd"],
    ["file: on Windows", "file://C:/Windows/System32/calc.exe"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a custom protocol handler", "ms-msdt:/id PCWDiagnostic"],
    ["smb:", "smb://attacker/share"],
    ["the app's own scheme", "app://keyward/index.html"],
    ["credentials", "http://user:pass@example.com/"],
    ["a username only", "https://admin@example.com/"],
    ["a relative URL", "/settings"],
    ["a protocol-relative URL", "//example.com/"],
    ["an empty string", ""],
    ["not a string", { href: "https://example.com" }],
    ["an over-long URL", `https://example.com/${"a".repeat(3000)}`],
  ])("refuses %s", (_name, url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });
});
