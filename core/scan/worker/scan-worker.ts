/**
 * A scan worker thread: scans batches of files, and blobs from its own `git cat-file` process
 * (so unpacking git's objects runs on every core, and blob contents never cross threads).
 * Protects against: a secret crossing to another thread; it reads file and blob contents, and
 * answers with hashes, display forms and positions only (see protocol.ts). Does not protect
 * against: memory inspection of the process while it runs.
 */
import { parentPort, workerData } from "node:worker_threads";
import { CatFileReader } from "../git/cat-file-reader";
import { BatchRunner } from "./batches";
import type { WorkerAnswer, WorkerRequest, WorkerSetup } from "./protocol";

const runner = new BatchRunner(workerData as WorkerSetup);
const port = parentPort!;
const answer = (message: WorkerAnswer) => port.postMessage(message);
let reader: CatFileReader | null = null;

port.on("message", (request: WorkerRequest) => {
  if (request.type === "files") {
    answer(runner.files(request));
  } else if (request.type === "blob-ids") {
    reader ??= new CatFileReader(request.source, answer, (error) => answer({ type: "blob-failed", batch: -1, error: error.message }));
    reader.request(request.batch, request.ids);
  } else if (request.type === "stop") {
    const stopping = reader;
    reader = null;
    (stopping ? stopping.kill() : Promise.resolve()).then(() => answer({ type: "stopped", batch: request.batch }));
  } else {
    const ending = reader;
    reader = null;
    (ending ? ending.end() : Promise.resolve()).then(
      () => answer({ type: "blob-end", batch: request.batch }),
      (error: Error) => answer({ type: "blob-end", batch: request.batch, error: error.message }),
    );
  }
});
port.postMessage({ type: "ready" });
