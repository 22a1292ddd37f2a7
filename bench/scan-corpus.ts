/**
 * The scan benchmark's corpus, built once and kept in the temp folder (never in the repository):
 * - a copy of this project's node_modules (several hundred MB of real files of every kind) with
 *   credentials planted in some of its text files;
 * - a git repository made from part of it, with some history: packages added over several
 *   commits, files changed and deleted, an unmerged branch, credentials committed then removed.
 * The planted credentials are generated here at build time; only their SHA-256 are kept aside,
 * to check that the scan found every one.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCredential } from "../shared/credential";

const VERSION = "1";
export const BENCH_DIR = path.join(os.tmpdir(), "keyward-bench-scan");
const PLANTED_IN_TREE = 40;
const HISTORY_PACKAGES = 120;
const HISTORY_COMMITS = 12;

export interface Corpus {
  tree: string;
  repo: string;
  treeHashes: string[];
  historyHashes: string[];
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export function ensureCorpus(): Corpus {
  const manifestFile = path.join(BENCH_DIR, "manifest.json");
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Corpus & { version: string };
    if (manifest.version === VERSION && fs.existsSync(manifest.tree) && fs.existsSync(manifest.repo)) return manifest;
  } catch {
    // No corpus yet, or an old one: build it.
  }
  fs.rmSync(BENCH_DIR, { recursive: true, force: true });
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const tree = path.join(BENCH_DIR, "tree");
  const repo = path.join(BENCH_DIR, "repo");
  console.log(`scan: building the corpus in ${BENCH_DIR} (once)…`);
  fs.cpSync(path.resolve(import.meta.dirname, "../node_modules"), tree, { recursive: true, verbatimSymlinks: true });
  const treeHashes = plant(textFiles(tree), PLANTED_IN_TREE);
  const historyHashes = buildHistory(tree, repo);
  const corpus: Corpus = { tree, repo, treeHashes, historyHashes };
  fs.writeFileSync(manifestFile, JSON.stringify({ version: VERSION, ...corpus }));
  return corpus;
}

/** Regular text files (no NUL in their first 8000 bytes), under 1 MB, in a stable order. */
function textFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.(js|json|md|ts|mjs|cjs|txt|yml)$/.test(entry.name)) {
        const size = fs.statSync(full).size;
        if (size > 0 && size < 1_000_000 && !fs.readFileSync(full).subarray(0, 8000).includes(0)) out.push(full);
      }
    }
  };
  walk(root);
  return out;
}

/** Plants `count` credentials, spread evenly over the files; returns their hashes. */
function plant(files: string[], count: number, flavor: "live" | "test" | "admin" = "live"): string[] {
  const hashes: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = files[Math.floor(((i + 0.5) * files.length) / count)]!;
    const credential = generateCredential(i % 5 === 0 ? "admin" : flavor);
    fs.appendFileSync(file, `\n// config: ${credential}\n`);
    hashes.push(sha256(credential));
  }
  return hashes;
}

function buildHistory(tree: string, repo: string): string[] {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: ["ignore", "ignore", "inherit"], maxBuffer: 1 << 26 });
  fs.mkdirSync(repo);
  git("init", "-q", "-b", "main");
  git("config", "user.name", "Bench Author");
  git("config", "user.email", "bench@example.invalid");
  git("config", "commit.gpgsign", "false");
  const packages = fs
    .readdirSync(tree)
    .filter((name) => !name.startsWith(".") && !name.startsWith("@") && fs.statSync(path.join(tree, name)).isDirectory())
    .sort()
    .slice(0, HISTORY_PACKAGES);
  const hashes: string[] = [];
  const perCommit = Math.ceil(packages.length / HISTORY_COMMITS);
  for (let commit = 0; commit < HISTORY_COMMITS; commit++) {
    for (const name of packages.slice(commit * perCommit, (commit + 1) * perCommit)) {
      fs.cpSync(path.join(tree, name), path.join(repo, name), { recursive: true, verbatimSymlinks: true });
    }
    // A credential committed in a config file, which a later commit deletes: only history has it.
    const secretFile = path.join(repo, `deploy-${commit}.env`);
    const credential = generateCredential("live");
    fs.writeFileSync(secretFile, `API_KEY=${credential}\n`);
    hashes.push(sha256(credential));
    if (commit > 0) fs.rmSync(path.join(repo, `deploy-${commit - 1}.env`));
    // Files changed in place, so blobs have several versions.
    for (const file of textFiles(repo).slice(0, 30)) fs.appendFileSync(file, `\n// revision ${commit}\n`);
    git("add", "-A");
    git("commit", "-q", "-m", `Add packages, batch ${commit}`);
  }
  // An unmerged branch with one more credential.
  git("checkout", "-q", "-b", "experiment");
  const credential = generateCredential("test");
  fs.writeFileSync(path.join(repo, "experiment.yml"), `token: ${credential}\n`);
  hashes.push(sha256(credential));
  git("add", "-A");
  git("commit", "-q", "-m", "Experiment");
  git("checkout", "-q", "main");
  git("gc", "-q");
  return hashes;
}
