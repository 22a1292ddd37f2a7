// Stands in for an integration during rotation tests: it calls the workspace every 100 ms with the
// key in its key file (re-read each time, as an integration re-reads its configuration), and on
// SIGTERM prints what it saw as one JSON line: requests, failures, and which keys it used.
import fs from "node:fs";

const [url, keyFile, userAgent = "zapier-client/2.1"] = process.argv.slice(2);
const stats = { requests: 0, failed: 0, failures: [], keysUsed: [] };
let running = true;

async function tick() {
  const key = fs.readFileSync(keyFile, "utf8").trim();
  if (!stats.keysUsed.includes(key.slice(0, 14))) stats.keysUsed.push(key.slice(0, 14));
  try {
    const answer = await fetch(`${url}/v1/feedback`, { headers: { authorization: `Bearer ${key}`, "user-agent": userAgent } });
    stats.requests++;
    if (answer.status !== 200) {
      stats.failed++;
      stats.failures.push(`${answer.status} ${(await answer.text()).slice(0, 120)}`);
    } else {
      await answer.arrayBuffer();
    }
  } catch (error) {
    stats.requests++;
    stats.failed++;
    stats.failures.push(String(error));
  }
}

process.on("SIGTERM", () => {
  running = false;
});
while (running) {
  await tick();
  await new Promise((resolve) => setTimeout(resolve, 100));
}
process.stdout.write(`${JSON.stringify(stats)}\n`);
