/**
 * The benchmark's floor: a bare Fastify server with one route that answers the same JSON as
 * `/v1/whoami`, with no authentication, usage, logging or validation. What Keyward adds is measured
 * against it.
 */
import { parentPort } from "node:worker_threads";
import Fastify from "fastify";

const app = Fastify({ logger: false });
const answer = { keyId: "key_0000000000000000000000", name: "bench", scope: "write", environment: "live" };
app.get("/v1/whoami", async () => answer);
const address = await app.listen({ host: "127.0.0.1", port: 0 });
parentPort!.postMessage({ url: address.replace("localhost", "127.0.0.1") });
parentPort!.on("message", async (message: string) => {
  if (message === "close") {
    await app.close();
    parentPort!.postMessage({ closed: true });
  }
});
