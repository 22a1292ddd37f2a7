/**
 * `keyward scan`: finds Keyward credentials in a folder, a file, a repository's history, what is
 * staged for commit, or standard input, and prints a text, JSON or SARIF report.
 * Protects against: the secret reaching the terminal, a report or a CI log (reports carry display
 * forms and hashes only), and the admin token leaking through this command's own output.
 * Does not protect against: an admin token passed as --admin-token being visible to other local
 * users in the process list; KEYWARD_ADMIN_TOKEN avoids that.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isCancelled, scanPath, scanStaged, scanStream, toJsonReport, toSarif, toText, type KeyLookup, type ScanResult } from "../core/scan";
import { WorkspaceClient } from "../core/workspace/workspace-client";
import packageJson from "../package.json" with { type: "json" };
import { invocationDir } from "./invocation-dir";
import { progressLine } from "./progress-line";

const USAGE = `Usage:
  keyward scan PATH [options]      a folder (or one file); with --history, its git history too
  keyward scan --staged [options]  what git is about to commit (the pre-commit hook runs this)
  keyward scan - [options]         standard input

Options:
  --history              also scan every blob reachable from every ref of the repository
  --no-ignore            read files that .gitignore excludes
  --max-file-size N      skip files larger than N bytes (suffixes k, M, G; default 10M)
  --format F             text (default), json or sarif
  --output FILE          write the report to FILE instead of standard output
  --workspace URL        look finds up in this workspace (by SHA-256 only)
  --admin-token T        its admin token (or set KEYWARD_ADMIN_TOKEN, which other users cannot see)

Exit status: 0 nothing found, 1 credentials found, 2 error.`;

const FORMATS = ["text", "json", "sarif"] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

export function parseSize(text: string): number {
  const match = /^(\d+)\s*([kKmMgG]i?[bB]?|[bB])?$/.exec(text.trim());
  if (!match) throw new UsageError(`--max-file-size must be a number of bytes, such as 10M or 500k, not "${text}".`);
  const unit = (match[2] ?? "").charAt(0).toLowerCase();
  const factor = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  const bytes = Number(match[1]) * factor;
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new UsageError(`--max-file-size must be at least 1 byte, not "${text}".`);
  return bytes;
}

function lookupFrom(workspace: string | undefined, token: string | undefined): KeyLookup | undefined {
  if (!workspace && !token) return undefined;
  if (!workspace) throw new UsageError("--admin-token needs --workspace URL: the workspace to look finds up in.");
  if (!token) throw new UsageError("--workspace needs an admin token: pass --admin-token, or set KEYWARD_ADMIN_TOKEN.");
  return new WorkspaceClient(workspace, token);
}

export function render(result: ScanResult, format: Format): string {
  if (format === "json") return JSON.stringify(toJsonReport(result), null, 2);
  if (format === "sarif") return JSON.stringify(toSarif(result, { toolVersion: packageJson.version }), null, 2);
  return toText(result);
}

export async function scanCommand(argv: string[]): Promise<number> {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        history: { type: "boolean", default: false },
        "no-ignore": { type: "boolean", default: false },
        staged: { type: "boolean", default: false },
        "max-file-size": { type: "string" },
        format: { type: "string", default: "text" },
        output: { type: "string" },
        workspace: { type: "string" },
        "admin-token": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once("SIGINT", onInterrupt);
  const progress = progressLine();
  try {
    const format = values.format as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, json or sarif, not "${values.format}".`);
    if (positionals.length > 1) throw new UsageError(`Scan one PATH at a time (got ${positionals.length}).`);
    if (values.staged && positionals.length > 0) throw new UsageError("--staged scans the current repository's index: give no PATH with it.");
    if (!values.staged && positionals.length === 0) throw new UsageError(`Give a PATH to scan, "-" for standard input, or --staged.\n${USAGE}`);
    if (values.history && (values.staged || positionals[0] === "-")) throw new UsageError("--history goes with a PATH in a git repository.");
    const maxFileBytes = values["max-file-size"] === undefined ? undefined : parseSize(values["max-file-size"]);
    const lookup = lookupFrom(values.workspace, values["admin-token"] ?? process.env.KEYWARD_ADMIN_TOKEN);
    const signal = controller.signal;
    const onProgress = progress ? progress.update : undefined;

    const here = invocationDir();
    let result: ScanResult;
    if (values.staged) result = await scanStaged({ cwd: here, signal, onProgress, maxFileBytes, lookup });
    else if (positionals[0] === "-") result = await scanStream(process.stdin, { signal, lookup });
    else result = await scanPath({ root: path.resolve(here, positionals[0]!), history: values.history, noIgnore: values["no-ignore"], maxFileBytes, signal, onProgress, lookup });
    progress?.clear();

    const report = render(result, format);
    if (values.output) fs.writeFileSync(path.resolve(here, values.output), report + "\n");
    else process.stdout.write(report + "\n");
    for (const warning of result.warnings) if (format !== "text" || values.output) console.error(`Warning: ${warning}`);
    if (values.staged && result.findings.length > 0) {
      console.error("keyward: this commit would record the credentials above. Remove them from the staged files (git restore --staged, or edit and git add), then commit again.");
    }
    return result.findings.length > 0 ? 1 : 0;
  } catch (error) {
    progress?.clear();
    if (isCancelled(error)) console.error("Scan cancelled.");
    else console.error(`keyward scan: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    process.off("SIGINT", onInterrupt);
  }
}
