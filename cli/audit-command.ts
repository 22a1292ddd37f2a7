/**
 * `keyward audit`: verify a workspace's audit bundle offline, and make the report of a review of
 * its active keys (findings computed from the bundle; no decisions yet: every key "not reviewed").
 * Exit status: 0 valid (or report written), 1 the bundle is not valid (the reason is printed),
 * 2 a usage error. Bundles hold no secret; nothing here prints one.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { openAuditBundle, renderReport, reviewFromBundle, verifyAuditBundle, type BundleVerification, type ReportFormat } from "../core/audit";
import { invocationDir } from "./invocation-dir";

const USAGE = `Usage:
  keyward audit verify BUNDLE [--expect-fingerprint HEX] [--json]
  keyward audit report BUNDLE --format pdf|csv|json --out FILE [--title T] [--rotation-days 90] [--expect-fingerprint HEX]

  verify   checks the bundle's Ed25519 signature, its whole hash chain and head, and that the key
           inventory is the one signed; says what is wrong when it is not valid
  report   verifies the bundle, then writes a review report of its active keys with their findings
  --expect-fingerprint  the workspace's signing key fingerprint, from its settings: any other signer fails
  --json                print the verification result as JSON

Exit status: 0 valid (report written), 1 not valid, 2 usage error.`;

class UsageError extends Error {}

const FORMATS: readonly ReportFormat[] = ["pdf", "csv", "json"];

export async function auditCommand(argv: string[]): Promise<number> {
  try {
    const [action, ...rest] = argv;
    if (action === "verify") return await verify(rest);
    if (action === "report") return await report(rest);
    if (action === undefined || action === "--help" || action === "help") {
      console.log(USAGE);
      return action === undefined ? 2 : 0;
    }
    throw new UsageError(`Unknown audit command "${action}".`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
}

/** Runs parseArgs, turning its complaints (an unknown option, a missing value) into usage errors. */
function usage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function bundlePath(positionals: string[]): Promise<string> {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "Name the bundle file." : `One bundle at a time, not ${positionals.length}.`);
  const file = path.resolve(invocationDir(), positionals[0]!);
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new UsageError(`There is no file ${file}.`);
  return file;
}

function fingerprintOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value).toLowerCase().replace(/[\s:]/g, "");
  if (!/^[0-9a-f]{64}$/.test(text)) throw new UsageError("--expect-fingerprint must be the 64 hex digits of the signing key's SHA-256 fingerprint.");
  return text;
}

async function verify(argv: string[]): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({ args: argv, allowPositionals: true, options: { "expect-fingerprint": { type: "string" }, json: { type: "boolean", default: false } } }),
  );
  const file = await bundlePath(positionals);
  const result = await verifyAuditBundle(file, { expectedFingerprint: fingerprintOption(values["expect-fingerprint"]) });
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else print(result);
  return result.valid ? 0 : 1;
}

function print(result: BundleVerification): void {
  const out = result.valid ? console.log : console.error;
  out(result.valid ? "VALID" : "NOT VALID");
  if (result.header) {
    const { workspaceName, workspaceId, generatedAt, head, signing, keyCount } = result.header;
    out(`  workspace   ${workspaceName} (${workspaceId}), exported ${generatedAt}`);
    out(`  contents    ${result.events} events, chain head ${head.seq} (${head.hash}); ${keyCount} keys`);
    out(`  signed by   Ed25519 key, fingerprint ${signing.fingerprint}`);
  }
  for (const problem of result.problems) {
    out(`\n${problem.message}`);
    if ("expected" in problem) out(`  expected: ${problem.expected}\n  found:    ${problem.found}`);
    if (problem.kind === "signature_mismatch") for (const hint of problem.hints) out(`  - ${hint}`);
  }
  if (result.valid) out("\nCompare the fingerprint with the one in the workspace's settings (or pass --expect-fingerprint).");
}

async function report(argv: string[]): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: "string" }, out: { type: "string" }, title: { type: "string" }, "rotation-days": { type: "string", default: "90" }, "expect-fingerprint": { type: "string" } },
    }),
  );
  const file = await bundlePath(positionals);
  const format = values.format as ReportFormat | undefined;
  if (!format || !FORMATS.includes(format)) throw new UsageError(`--format must be pdf, csv or json${format ? `, not "${format}"` : ""}.`);
  if (!values.out) throw new UsageError("--out FILE names where the report goes.");
  const rotationDays = Number(values["rotation-days"]);
  if (!Number.isInteger(rotationDays) || rotationDays < 1 || rotationDays > 3650) throw new UsageError("--rotation-days must be a whole number of days from 1 to 3650.");
  const out = path.resolve(invocationDir(), String(values.out));
  const opened = await openAuditBundle(file, { expectedFingerprint: fingerprintOption(values["expect-fingerprint"]) });
  if (!opened.verification.valid || !opened.bundle) {
    print(opened.verification);
    console.error("\nNo report written: a review report is only made of a bundle that verifies.");
    return 1;
  }
  const review = reviewFromBundle({ ...opened, bundle: opened.bundle }, { rotationDays, ...(values.title ? { title: String(values.title) } : {}) });
  await fs.writeFile(out, await renderReport(review, format));
  console.log(`Report written to ${out}: ${review.keys.length} active keys, ${review.findings.length} findings, verified bundle (SHA-256 ${opened.sha256}).`);
  return 0;
}
