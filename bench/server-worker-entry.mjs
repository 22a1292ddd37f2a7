// Worker threads do not inherit tsx's loader: this plain-JS entry loads the TypeScript worker through it.
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(workerData.module ?? "./server-worker.ts", import.meta.url);
