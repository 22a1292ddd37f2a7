/**
 * The work of one batch of files, the same in a worker thread and in the calling thread (no
 * workers). Contents are read into the runner's reused buffers and never copied out; what leaves
 * is WorkerFind (hash, display form, kind, line, column).
 */
import path from "node:path";
import { createFileScanBuffers, scanFile, type FileScanBuffers } from "../engine/file-scan";
import { noSkips, toWorkerFind, type FilesAnswer, type FilesRequest, type WorkerSetup } from "./protocol";


export class BatchRunner {
  private readonly buffers: FileScanBuffers;
  private readonly root: string;

  constructor(private readonly setup: WorkerSetup) {
    this.buffers = createFileScanBuffers(setup.chunkBytes);
    this.root = setup.root.endsWith(path.sep) ? setup.root : setup.root + path.sep;
  }

  files(request: FilesRequest): FilesAnswer {
    const answer: FilesAnswer = { type: "files", batch: request.batch, scanned: 0, bytes: 0, skipped: noSkips(), finds: [], directories: [] };
    for (let index = 0; index < request.paths.length; index++) {
      const relative = request.paths[index]!;
      const outcome = scanFile(this.root + (path.sep === "/" ? relative : relative.split("/").join(path.sep)), this.setup.maxFileBytes, this.buffers);
      if (!outcome.scanned) {
        if (outcome.directory) answer.directories.push(relative);
        else if (outcome.reason !== "gone") answer.skipped[outcome.reason]++;
        continue;
      }
      answer.scanned++;
      answer.bytes += outcome.bytes;
      for (const find of outcome.finds) answer.finds.push({ index, find: toWorkerFind(find) });
    }
    return answer;
  }
}
