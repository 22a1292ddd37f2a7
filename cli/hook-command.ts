/**
 * `keyward hook install [--force]`: makes `keyward scan --staged` the repository's pre-commit
 * hook, so a commit that would record a Keyward credential is refused.
 *
 * The hook runs the very keyward that installed it: the absolute path of this Node (or Electron
 * run as Node) binary, its loader flags (tsx when run from the sources) and this script. That
 * needs nothing on PATH and no package install; if those files move, the hook says so and how to
 * reinstall, and refuses the commit rather than letting it through unchecked.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { invocationDir } from "./invocation-dir";

const USAGE = `Usage:
  keyward hook install [--force]   run \`keyward scan --staged\` before every commit of this repository
  keyward hook uninstall           remove that hook (only if it is Keyward's)

--force replaces another pre-commit hook (kept as pre-commit.keyward-backup).`;

export const HOOK_MARKER = "# keyward pre-commit hook";

/** Quotes a word for sh: inside single quotes everything is literal but the quote itself. */
function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that runs this keyward again: node, its flags, and the script. */
export interface SelfCommand {
  node: string;
  flags: string[];
  script: string;
}

// Debugging and profiling flags of the installing run are not the hook's business.
const DROPPED_FLAGS = /^--(inspect|debug|cpu-prof|heap-prof|prof)/;

export function selfCommand(): SelfCommand {
  const script = process.argv[1];
  if (!script) throw new Error("Cannot tell which keyward script is running, so the hook would not know what to run.");
  return {
    node: process.execPath,
    flags: process.execArgv.filter((flag) => !DROPPED_FLAGS.test(flag)),
    script: path.resolve(script),
  };
}

export function hookScript(command: SelfCommand = selfCommand()): string {
  const run = [`"$KEYWARD_NODE"`, ...command.flags.map(shellQuote), `"$KEYWARD_SCRIPT"`, "scan", "--staged"].join(" ");
  return `#!/bin/sh
${HOOK_MARKER}: refuses a commit that would record a Keyward credential.
# Installed by \`keyward hook install\`; runs the keyward that installed it, by absolute path.
# To commit anyway (you are sure it is no real key): git commit --no-verify
KEYWARD_NODE=${shellQuote(command.node)}
KEYWARD_SCRIPT=${shellQuote(command.script)}
if [ ! -x "$KEYWARD_NODE" ] || [ ! -f "$KEYWARD_SCRIPT" ]; then
  echo "keyward pre-commit hook: $KEYWARD_NODE or $KEYWARD_SCRIPT is gone. Reinstall the hook (keyward hook install --force), or commit with --no-verify." >&2
  exit 1
fi
exec ${run}
`;
}

function git(args: string[], cwd: string): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error("git was not found: install git and make sure it is on PATH.");
    throw new Error(`${cwd} is not in a git repository.`);
  }
}

/** The pre-commit hook's path, honouring core.hooksPath. */
export function hookPath(cwd: string): string {
  const top = git(["rev-parse", "--show-toplevel"], cwd);
  return path.resolve(top, git(["rev-parse", "--git-path", "hooks/pre-commit"], top));
}

export function hookCommand(argv: string[], cwd = invocationDir()): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { force: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const [action] = positionals;
    if (action === "install" && positionals.length === 1) return install(cwd, values.force);
    if (action === "uninstall" && positionals.length === 1) return uninstall(cwd);
    console.error(USAGE);
    return 2;
  } catch (error) {
    console.error(`keyward hook: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

function install(cwd: string, force: boolean): number {
  const file = hookPath(cwd);
  const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  if (existing !== null && !existing.includes(HOOK_MARKER)) {
    if (!force) {
      console.error(`keyward hook: ${file} already exists and is not Keyward's. Run \`keyward hook install --force\` to replace it (it is kept as pre-commit.keyward-backup), or call \`keyward scan --staged\` from it yourself.`);
      return 2;
    }
    fs.renameSync(file, `${file}.keyward-backup`);
    console.error(`keyward hook: the previous hook is kept as ${file}.keyward-backup.`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, hookScript(), { mode: 0o755 });
  fs.chmodSync(file, 0o755);
  console.log(`Installed ${file}: every commit is scanned for Keyward credentials first.`);
  return 0;
}

function uninstall(cwd: string): number {
  const file = hookPath(cwd);
  if (!fs.existsSync(file)) {
    console.log("No pre-commit hook is installed.");
    return 0;
  }
  if (!fs.readFileSync(file, "utf8").includes(HOOK_MARKER)) {
    console.error(`keyward hook: ${file} is not Keyward's hook; left as it is.`);
    return 2;
  }
  fs.rmSync(file);
  console.log(`Removed ${file}.`);
  return 0;
}
