import { describe, expect, it } from "vitest";
import { DEFAULT_SIZE, restoreBounds } from "../../../electron/main/window-bounds";

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: -200, width: 2560, height: 1415 };

describe("restoring the window's place", () => {
  it("uses the default size (centred by Electron) the first time", () => {
    expect(restoreBounds(null, [laptop])).toEqual(DEFAULT_SIZE);
  });

  it("keeps bounds that are fully visible", () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1000, height: 700 }, [laptop])).toEqual({ x: 100, y: 50, width: 1000, height: 700 });
    expect(restoreBounds({ x: 2000, y: 0, width: 1200, height: 800 }, [laptop, external])).toEqual({ x: 2000, y: 0, width: 1200, height: 800 });
  });

  it("falls back to the default when the display it was on is gone", () => {
    expect(restoreBounds({ x: 2000, y: 0, width: 1200, height: 800 }, [laptop])).toEqual(DEFAULT_SIZE);
    expect(restoreBounds({ x: -5000, y: -5000, width: 800, height: 600 }, [laptop])).toEqual(DEFAULT_SIZE);
  });

  it("moves a window that hangs off the edge back onto the display, and shrinks it to fit", () => {
    expect(restoreBounds({ x: 1000, y: 600, width: 1000, height: 700 }, [laptop])).toEqual({ x: 440, y: 175, width: 1000, height: 700 });
    expect(restoreBounds({ x: 10, y: 10, width: 3000, height: 2000 }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it("picks the display the window overlaps most", () => {
    expect(restoreBounds({ x: 1300, y: 0, width: 1000, height: 700 }, [laptop, external])).toEqual({ x: 1440, y: 0, width: 1000, height: 700 });
  });

  it("ignores corrupt values", () => {
    expect(restoreBounds({ x: Number.NaN, y: 0, width: 800, height: 600 }, [laptop])).toEqual(DEFAULT_SIZE);
    expect(restoreBounds({ x: 0, y: 0, width: -1, height: 600 }, [laptop])).toEqual(DEFAULT_SIZE);
    expect(restoreBounds({ x: 0, y: 0, width: 800, height: 600 }, [])).toEqual(DEFAULT_SIZE);
  });
});
