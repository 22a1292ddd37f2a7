/** Runs the reference server in its own thread, so the load generator does not share its event loop. */
import { parentPort, workerData } from "node:worker_threads";
import { createServer } from "../server/app";

const { dataDir } = workerData as { dataDir: string };
const server = await createServer({ dataDir, port: 0, unauthenticatedBaseline: true });
const url = await server.listen();
parentPort!.postMessage({ url });
parentPort!.on("message", async (message: string) => {
  if (message === "close") {
    await server.close();
    parentPort!.postMessage({ closed: true });
  }
});
