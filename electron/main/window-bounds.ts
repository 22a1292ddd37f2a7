/*
 * Restores the window where the user left it, but never off-screen: a display that was unplugged
 * or a resolution that shrank must not leave Keyward invisible. Pure: no electron import.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
export const MIN_SIZE = { width: 720, height: 480 } as const;
/** How much of the window must overlap a display for its saved place to count as visible. */
const MIN_VISIBLE = { width: 160, height: 80 } as const;

const overlap = (a: Rect, b: Rect) => ({
  width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
  height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
});

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/** The saved bounds moved and shrunk onto the display they overlap most, or just a default size (Electron centres it). */
export function restoreBounds(saved: Rect | null, workAreas: readonly Rect[]): Rect | { width: number; height: number } {
  const valid = saved && [saved.x, saved.y, saved.width, saved.height].every(Number.isFinite) && saved.width > 0 && saved.height > 0;
  if (!saved || !valid) return { ...DEFAULT_SIZE };
  let best: { area: Rect; visible: number } | null = null;
  for (const area of workAreas) {
    const { width, height } = overlap(saved, area);
    if (width >= MIN_VISIBLE.width && height >= MIN_VISIBLE.height && (!best || width * height > best.visible)) best = { area, visible: width * height };
  }
  if (!best) return { ...DEFAULT_SIZE };
  const { area } = best;
  const width = Math.round(Math.min(Math.max(saved.width, MIN_SIZE.width), area.width));
  const height = Math.round(Math.min(Math.max(saved.height, MIN_SIZE.height), area.height));
  return {
    x: Math.round(clamp(saved.x, area.x, area.x + area.width - width)),
    y: Math.round(clamp(saved.y, area.y, area.y + area.height - height)),
    width,
    height,
  };
}
