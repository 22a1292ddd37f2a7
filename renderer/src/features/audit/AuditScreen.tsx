/** The Audit screen. */
import { ScreenHeader } from "../../ui/ScreenHeader";

export function AuditScreen() {
  return (
    <section aria-labelledby="audit-title">
      <ScreenHeader id="audit-title" title="Audit" subtitle="Evidence an auditor can verify offline." />
    </section>
  );
}
