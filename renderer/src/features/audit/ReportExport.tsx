/** The review's report as a PDF (to file), a CSV (one row per key) or JSON, saved where the user chooses. */
import { useState } from "react";
import { REPORT_FORMATS, type ReportFormat } from "../../../../shared/ipc/contract";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { useAsyncAction } from "../../ui/useAsyncAction";
import { useReviewStore } from "./review-store";

const LABELS: Record<ReportFormat, string> = { pdf: "PDF", csv: "CSV", json: "JSON" };

export function ReportExport() {
  const exportReport = useReviewStore((state) => state.exportReport);
  const action = useAsyncAction();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="audit-report" role="group" aria-label="Report">
      <span className="audit-report-label">Report</span>
      {REPORT_FORMATS.map((format) => (
        <Button
          key={format}
          size="sm"
          busy={action.busy}
          onClick={() =>
            void action.run(async () => {
              const path = await exportReport(format);
              if (path) setSaved(path);
            })
          }
        >
          Export {LABELS[format]}
        </Button>
      ))}
      <span className="muted audit-report-status" aria-live="polite">
        {saved ? `Saved to ${saved}` : ""}
      </span>
      {action.error ? <Alert>{action.error.message}</Alert> : null}
    </div>
  );
}
