/** The desktop app's leak scans: one at a time, with progress, cancel, and the leaks they found. */
import type { LeakRecord } from "../../../shared/domain/findings";
import type { CoreServices } from "../core-services";

export class ScanService {
  constructor(private readonly core: CoreServices) {}

  /** The keys of a workspace the last scans found in source (for the leaked-in-source finding). */
  leaks(_workspaceId: string): LeakRecord[] {
    return [];
  }

  async dispose(): Promise<void> {}
}
