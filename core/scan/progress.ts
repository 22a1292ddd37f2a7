/**
 * Progress for a scan's caller: one update at every change of phase, one at the first count of
 * each phase (so a page shows movement at once), then at most ten a second.
 */
import type { ScanPhase, ScanProgress } from "./types";

const INTERVAL_MS = 100;

export class ProgressMeter {
  readonly state: ScanProgress = { phase: "listing", files: 0, bytes: 0, finds: 0 };
  private last = 0;
  private fresh = false;

  constructor(private readonly listener?: (progress: ScanProgress) => void) {}

  phase(phase: ScanPhase): void {
    this.state.phase = phase;
    this.emit(true);
    this.fresh = true;
  }

  add(files: number, bytes: number, finds: number): void {
    this.state.files += files;
    this.state.bytes += bytes;
    this.state.finds += finds;
    this.emit(this.fresh);
    this.fresh = false;
  }

  private emit(force: boolean): void {
    if (!this.listener) return;
    const now = performance.now();
    if (!force && now - this.last < INTERVAL_MS) return;
    this.last = now;
    this.listener({ ...this.state });
  }
}
