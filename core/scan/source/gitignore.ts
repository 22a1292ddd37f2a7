/**
 * .gitignore rules for the folder walk, used where git itself cannot list a repository's files
 * (no git on the machine): each directory's .gitignore applies below it, a deeper file wins over
 * a shallower one, and .git/info/exclude applies to the whole repository, as in git.
 */
import fs from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";

interface Level {
  /** The directory the rules belong to, relative to the repository's top ("" for the top). */
  dir: string;
  rules: Ignore;
}

function readRules(file: string): Ignore | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
  return ignore({ allowRelativePaths: false }).add(text);
}

export class GitignoreRules {
  private constructor(
    private readonly top: string,
    private readonly levels: readonly Level[],
  ) {}

  /** The rules in force at `dir` (inside the repository at `top`): every .gitignore from the top down. */
  static at(top: string, dir: string): GitignoreRules {
    const levels: Level[] = [];
    const exclude = readRules(path.join(top, ".git", "info", "exclude"));
    if (exclude) levels.push({ dir: "", rules: exclude });
    let rules = new GitignoreRules(top, levels);
    const relative = toSlashes(path.relative(top, dir));
    const parts = relative ? relative.split("/") : [];
    for (let depth = 0; depth <= parts.length; depth++) rules = rules.enter(parts.slice(0, depth).join("/"));
    return rules;
  }

  /** The rules below `dir` (relative to the top): these plus its own .gitignore, if it has one. */
  enter(dir: string): GitignoreRules {
    const rules = readRules(path.join(this.top, dir, ".gitignore"));
    return rules ? new GitignoreRules(this.top, [...this.levels, { dir, rules }]) : this;
  }

  /** Whether `entry` (relative to the top) is ignored; the deepest rule that speaks decides. */
  ignores(entry: string, isDirectory: boolean): boolean {
    for (let i = this.levels.length - 1; i >= 0; i--) {
      const level = this.levels[i]!;
      const relative = level.dir ? entry.slice(level.dir.length + 1) : entry;
      const verdict = level.rules.test(isDirectory ? `${relative}/` : relative);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }
}

export function toSlashes(file: string): string {
  return path.sep === "/" ? file : file.split(path.sep).join("/");
}
