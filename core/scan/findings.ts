/**
 * Groups raw finds into findings: one per credential and place (file, line, column), whether seen
 * in the working tree, in one blob of the history or in fifty commits, with every commit and
 * author it appears in. Holds hashes and display forms only; a credential written in a file's
 * name is replaced by its display form, so a path cannot carry a secret into a report.
 */
import { displayForm, parseCredential } from "../../shared/credential";
import type { Appearance } from "./git/commit-map";
import type { Finding } from "./types";
import type { WorkerFind } from "./worker/protocol";

const IN_PATH = /uo_(?:live|test|adm)_[0-9A-Za-z]{38}/g;

/** The path with every checksum-valid credential in it shown in its display form. */
export function redactPath(file: string): string {
  return file.includes("uo_") ? file.replace(IN_PATH, (candidate) => (parseCredential(candidate).ok ? displayForm(candidate) : candidate)) : file;
}

export class FindingSet {
  private readonly byPlace = new Map<string, Finding & { commitSet: Set<string> }>();
  /** Each commit's rank in history and author, to list commits oldest first and authors in that order. */
  private readonly commits = new Map<string, { rank: number; author: string }>();
  /** Every occurrence added, before grouping. */
  occurrences = 0;

  private place(path: string, find: WorkerFind, inWorkingTree: boolean) {
    const file = redactPath(path);
    const key = `${find.sha256}\0${file}\0${find.line}\0${find.column}`;
    let finding = this.byPlace.get(key);
    if (!finding) {
      finding = { sha256: find.sha256, display: find.display, kind: find.kind, file, line: find.line, column: find.column, commits: [], authors: [], inWorkingTree, allowed: find.allowed, commitSet: new Set() };
      this.byPlace.set(key, finding);
    }
    finding.inWorkingTree ||= inWorkingTree;
    // A version of the line without the marker (an older commit, say) leaked it unmarked.
    finding.allowed &&= find.allowed;
    return finding;
  }

  addWorkingTree(file: string, find: WorkerFind): void {
    this.occurrences++;
    this.place(file, find, true);
  }

  addHistory(find: WorkerFind, appearances: Appearance[]): void {
    for (const appearance of appearances) {
      this.occurrences++;
      this.commits.set(appearance.commit, { rank: appearance.rank, author: appearance.author });
      this.place(appearance.path, find, false).commitSet.add(appearance.commit);
    }
  }

  /** Findings by file, line and column. */
  list(): Finding[] {
    return [...this.byPlace.values()]
      .map(({ commitSet, ...finding }) => {
        const commits = [...commitSet].sort((a, b) => this.commits.get(a)!.rank - this.commits.get(b)!.rank);
        return { ...finding, commits, authors: [...new Set(commits.map((commit) => this.commits.get(commit)!.author))] };
      })
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.sha256 < b.sha256 ? -1 : 1)));
  }
}
