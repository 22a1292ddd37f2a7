/** The desktop app's audit work: the audit log view, bundles opened offline, reviews and reports. */
import type { CoreServices } from "../core-services";
import type { FindingsService } from "../findings/findings-service";

export class AuditService {
  constructor(
    private readonly core: CoreServices,
    private readonly findings: FindingsService,
  ) {}

  async dispose(): Promise<void> {}
}
