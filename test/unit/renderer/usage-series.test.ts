import { describe, expect, it } from "vitest";
import { usageSeries, usageTotals } from "../../../renderer/src/features/key-details/usage-series";

const day = (date: string, reads: number, writes = 0, denied = 0) => ({ date, requests: reads + writes + denied, reads, writes, denied, settings: 0 });

describe("a key's usage as the chart draws it", () => {
  it("has one point per day of the window, ending on the server's last day, with quiet days as zeros", () => {
    const points = usageSeries([day("2026-02-12", 3), day("2026-02-14", 1, 2, 1)], 7, Date.parse("2026-11-30T10:00:00Z"));
    expect(points.map((point) => point.date)).toEqual(["2026-02-08", "2026-02-09", "2026-02-10", "2026-02-11", "2026-02-12", "2026-02-13", "2026-02-14"]);
    expect(points[4]).toEqual({ date: "2026-02-12", reads: 3, writes: 0, denied: 0 });
    expect(points[5]).toEqual({ date: "2026-02-13", reads: 0, writes: 0, denied: 0 });
    expect(usageTotals(points)).toEqual({ accepted: 6, reads: 4, writes: 2, denied: 1 });
  });

  it("ends on now's UTC day when the server sent no day at all", () => {
    const points = usageSeries([], 3, Date.parse("2026-03-01T23:30:00-05:00"));
    expect(points.map((point) => point.date)).toEqual(["2026-02-28", "2026-03-01", "2026-03-02"]);
  });
});
