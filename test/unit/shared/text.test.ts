/** Words for numbers and times come from Intl, so a count of one is never "1 minutes". */
import { describe, expect, it } from "vitest";
import { countOf, formatBytes, quantity } from "../../../shared/text/count";
import { formatDaysFromToday, formatRelative } from "../../../shared/text/relative-time";

const now = Date.parse("2026-06-15T12:00:00Z");

describe("counts and times in words", () => {
  it("says one in the singular and more in the plural", () => {
    expect(countOf(1, "key")).toBe("1 key");
    expect(countOf(1204, "key")).toBe("1,204 keys");
    expect(countOf(2, "entry", "entries")).toBe("2 entries");
    expect(quantity(1, "day")).toBe("1 day");
    expect(quantity(30, "day")).toBe("30 days");
    expect(quantity(1, "minute")).toBe("1 minute");
  });

  it("says sizes in decimal units, as file managers do", () => {
    expect(formatBytes(1)).toBe("1 byte");
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(1000)).toBe("1 kB");
    expect(formatBytes(12_345_678)).toBe("12.3 MB");
    expect(formatBytes(5_000_000_000_000)).toBe("5,000 GB");
  });

  it("says relative times with the right form", () => {
    expect(formatRelative(now - 61_000, now)).toBe("1 minute ago");
    expect(formatRelative(now - 5 * 60_000, now)).toBe("5 minutes ago");
    expect(formatRelative(now - 1000, now, { seconds: true })).toBe("1 second ago");
    expect(formatRelative(now - 12_000, now, { seconds: true })).toBe("12 seconds ago");
    expect(formatRelative(now - 300, now, { seconds: true })).toBe("just now");
    expect(formatRelative(now - 20_000, now)).toBe("just now");
    expect(formatRelative(now + 2 * 3_600_000, now)).toBe("in 2 hours");
    expect(formatDaysFromToday(1)).toBe("tomorrow");
    expect(formatDaysFromToday(3)).toBe("in 3 days");
    expect(formatDaysFromToday(-1)).toBe("yesterday");
  });
});
