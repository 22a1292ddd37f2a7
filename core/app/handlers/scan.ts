/**
 * scan.*: the Scan page's leak scans, and their exports as SARIF 2.1.0 or JSON. The exports are
 * the scanner's own reports (core/scan/report): display forms, places, commits and each
 * credential's SHA-256, never a secret.
 */
import { IpcError } from "../../../shared/ipc/errors";
import { toJsonReport, toSarif } from "../../scan";
import { writeUserFile } from "../state/user-file";
import type { AppCore } from "../app-core";
import type { HandlersOf } from "./types";

/** A folder's name made safe for a file name: "my repo (old)" → "my-repo-old". */
const fileNamePart = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "").slice(0, 60) || "folder";

export function scanHandlers(core: AppCore): HandlersOf<"scan"> {
  const { scans, platform } = core;
  return {
    "scan.status": async () => scans.status(),
    "scan.chooseFolder": () => scans.chooseFolder(),
    "scan.start": async (input) => scans.start(input),
    "scan.cancel": async () => ({ cancelled: scans.cancel() }),
    "scan.export": async ({ format }) => {
      const last = scans.lastResult();
      if (!last) throw new IpcError("not_found", "There are no scan results to export yet: run a scan first.");
      const stamp = last.report.finishedAt.slice(0, 10);
      const file = await platform.chooseSaveFile({
        title: format === "sarif" ? "Export scan results as SARIF" : "Export scan results as JSON",
        defaultName: `keyward-scan-${fileNamePart(last.report.folder.name)}-${stamp}.${format === "sarif" ? "sarif" : "json"}`,
        filters: [format === "sarif" ? { name: "SARIF 2.1.0", extensions: ["sarif", "json"] } : { name: "JSON", extensions: ["json"] }],
      });
      if (!file) return { path: null };
      const report = format === "sarif" ? toSarif(last.result, { toolVersion: platform.appVersion }) : toJsonReport(last.result);
      await writeUserFile(file, Buffer.from(`${JSON.stringify(report, null, 2)}\n`, "utf8"));
      return { path: file };
    },
  };
}
