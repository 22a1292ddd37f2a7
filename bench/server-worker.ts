/** Runs the reference server in its own thread, so the load generator does not share its event loop. */
import { parentPort, workerData } from "node:worker_threads";
import { createServer } from "../server/app";

const { dataDir, databaseUrl, requestLogFile } = workerData as { dataDir: string; databaseUrl?: string; requestLogFile?: string };
const server = await createServer({
  dataDir,
  databaseUrl,
  port: 0,
  unauthenticatedBaseline: true,
  // As `keyward server` runs by default: one log line per request.
  requestLog: requestLogFile ? { file: requestLogFile } : false,
});
const url = await server.listen();
parentPort!.postMessage({ url });
parentPort!.on("message", async (message: string) => {
  if (message === "close") {
    await server.close();
    parentPort!.postMessage({ closed: true });
  }
});
