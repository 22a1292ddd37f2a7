/**
 * A scan worker thread: answers file and blob requests from its pool, one at a time, in order.
 * Protects against: a secret crossing to another thread; it reads file and blob contents, and
 * answers with hashes, display forms and positions only (see protocol.ts). Does not protect
 * against: memory inspection of the process while it runs.
 */
import { parentPort, workerData } from "node:worker_threads";
import { BatchRunner } from "./batches";
import type { WorkerRequest, WorkerSetup } from "./protocol";

const runner = new BatchRunner(workerData as WorkerSetup);
const port = parentPort!;
port.on("message", (request: WorkerRequest) => {
  if (request.type === "files") port.postMessage(runner.files(request));
  else {
    const answer = runner.blobs(request);
    port.postMessage(answer, [answer.data]);
  }
});
port.postMessage({ type: "ready" });
