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

const TREE_VERSION = "1";
const REPO_VERSION = "2";
export const BENCH_DIR = path.join(os.tmpdir(), "keyward-bench-scan");
const PLANTED_IN_TREE = 40;
const HISTORY_PACKAGES = 120;
/** Commits that add packages, then commits that change files in place, as most commits do. */
const ADDING_COMMITS = 12;
const CHANGING_COMMITS = 36;
const FILES_CHANGED_PER_COMMIT = 40;

export interface Corpus {
  tree: string;
  repo: string;
  treeHashes: string[];
  historyHashes: string[];
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

type Manifest = Corpus & { treeVersion: string; repoVersion: string };

export function ensureCorpus(): Corpus {
  const manifestFile = path.join(BENCH_DIR, "manifest.json");
  let manifest: Partial<Manifest> = {};
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
  } catch {
    // No corpus yet: build it.
  }
  const tree = path.join(BENCH_DIR, "tree");
  const repo = path.join(BENCH_DIR, "repo");
  if (manifest.treeVersion !== TREE_VERSION || !manifest.treeHashes || !fs.existsSync(tree)) {
    console.log(`scan: copying node_modules to ${tree} and planting credentials (once)…`);
    fs.rmSync(BENCH_DIR, { recursive: true, force: true });
    fs.mkdirSync(BENCH_DIR, { recursive: true });
    fs.cpSync(path.resolve(import.meta.dirname, "../node_modules"), tree, { recursive: true, verbatimSymlinks: true });
    manifest = { treeVersion: TREE_VERSION, treeHashes: plant(textFiles(tree), PLANTED_IN_TREE) };
  }
  if (manifest.repoVersion !== REPO_VERSION || !manifest.historyHashes || !fs.existsSync(repo)) {
    console.log(`scan: building a git repository with history in ${repo} (once)…`);
    fs.rmSync(repo, { recursive: true, force: true });
    manifest = { ...manifest, repoVersion: REPO_VERSION, historyHashes: buildHistory(tree, repo) };
  }
  const corpus: Corpus = { tree, repo, treeHashes: manifest.treeHashes!, historyHashes: manifest.historyHashes! };
  fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, ...corpus }));
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
  // No background gc racing the commits: one gc at the end packs the history, as a clone has it.
  git("config", "gc.auto", "0");
  const packages = fs
    .readdirSync(tree)
    .filter((name) => !name.startsWith(".") && !name.startsWith("@") && fs.statSync(path.join(tree, name)).isDirectory())
    .sort()
    .slice(0, HISTORY_PACKAGES);
  const hashes: string[] = [];
  const perCommit = Math.ceil(packages.length / ADDING_COMMITS);
  for (let commit = 0; commit < ADDING_COMMITS + CHANGING_COMMITS; commit++) {
    for (const name of packages.slice(commit * perCommit, (commit + 1) * perCommit)) {
      fs.cpSync(path.join(tree, name), path.join(repo, name), { recursive: true, verbatimSymlinks: true });
    }
    // A credential committed in a config file, which the next commit deletes: only history has it.
    if (commit % 4 === 0) {
      const credential = generateCredential("live");
      fs.writeFileSync(path.join(repo, `deploy-${commit}.env`), `API_KEY=${credential}\n`);
      hashes.push(sha256(credential));
    }
    if (commit % 4 === 1) fs.rmSync(path.join(repo, `deploy-${commit - 1}.env`));
    // Files changed in place, different ones each time, so blobs have several versions.
    const files = textFiles(repo);
    for (let i = 0; i < FILES_CHANGED_PER_COMMIT; i++) {
      const file = files[(commit * 97 + i * 31) % files.length]!;
      fs.appendFileSync(file, `\n// revision ${commit}\n`);
    }
    git("add", "-A");
    git("commit", "-q", "-m", commit < ADDING_COMMITS ? `Add packages, batch ${commit}` : `Change ${FILES_CHANGED_PER_COMMIT} files`);
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
