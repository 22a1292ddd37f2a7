/** Shared pieces of the server benchmarks: workers, autocannon runs, JSON calls. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import autocannon from "autocannon";
import { build } from "esbuild";

export const CONNECTIONS = 16;

export interface Sample {
  rps: number;
  p99: number;
}

export interface RunningWorker {
  url: string;
  close(): Promise<void>;
}

/**
 * Bundles a worker module with esbuild, as the app's build bundles the server (`keyward server` runs
 * from out/main/keyward-cli.js), into node_modules/.cache so its npm imports resolve: the benchmark
 * measures the code that ships, not the TypeScript loader the sources run under in development.
 */
async function bundled(module: string): Promise<string> {
  const benchDir = path.dirname(fileURLToPath(import.meta.url));
  const outfile = path.resolve(benchDir, "../node_modules/.cache/keyward-bench", `${path.basename(module, ".ts")}.mjs`);
  await build({ entryPoints: [path.resolve(benchDir, module)], outfile, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "warning" });
  return outfile;
}

export async function startWorker(module: string, data: Record<string, unknown> = {}): Promise<RunningWorker> {
  const worker = new Worker(await bundled(module), { workerData: data });
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  return {
    url,
    async close() {
      worker.postMessage("close");
      await new Promise((resolve) => worker.once("message", resolve));
      await worker.terminate();
    },
  };
}

export function run(url: string, headers: Record<string, string>, duration: number, connections = CONNECTIONS): Promise<Sample> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, headers }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors from ${url}`));
      resolve({ rps: result.requests.average, p99: result.latency.p99 });
    });
  });
}

export async function post(url: string, token: string, body: unknown): Promise<unknown> {
  const answer = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!answer.ok) throw new Error(`${url}: ${answer.status} ${await answer.text()}`);
  return answer.json();
}

export const mean = (samples: Sample[], pick: (sample: Sample) => number) => samples.reduce((sum, sample) => sum + pick(sample), 0) / samples.length;

export const describe = (label: string, samples: Sample[]) =>
  `${label.padEnd(34)} ${mean(samples, (s) => s.rps).toFixed(0)} req/s, p99 ${mean(samples, (s) => s.p99).toFixed(1)} ms`;
