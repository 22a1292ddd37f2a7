/** `npm run bench [-- name ...]`: runs the named benchmarks (all when none is named). */
import { benchAudit } from "./audit";
import { benchFindings } from "./findings";
import { benchScan } from "./scan";
import { benchCluster } from "./cluster";
import { benchServer } from "./server";
import { benchTableFilter } from "./table-filter";
import { benchVaultUnlock } from "./vault-unlock";

const BENCHMARKS: Record<string, () => Promise<void>> = {
  server: benchServer,
  cluster: benchCluster,
  scan: benchScan,
  findings: benchFindings,
  audit: benchAudit,
  desktop: async () => {
    await benchVaultUnlock();
    await benchTableFilter();
  },
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(", ")}; there are: ${Object.keys(BENCHMARKS).join(", ")}`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHMARKS)) {
  console.log(`\n== ${name} ==`);
  await BENCHMARKS[name]!();
}
