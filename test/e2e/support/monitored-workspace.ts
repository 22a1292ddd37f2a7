/**
 * A workspace whose clock (and the app's) a test sets, with one key for each finding monitoring
 * makes and one ("Busy app") with none: keys created on one day, used by real requests on later
 * days, then looked at forty days on.
 */
import { startHarness, type Harness } from "../../harness/harness-server";
import { startWorkspace, type TestWorkspace } from "../../support/test-server";
import { expect, FAST_VAULT, RENDERER_DIR, REPO_ROOT } from "../fixtures";

const T0 = "2026-01-05T12:00:00.000Z";
export const NOW = "2026-02-14T12:00:00.000Z"; // 40 days on
const day = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

export interface Monitored {
  ws: TestWorkspace;
  harness: Harness;
  ids: Record<string, string>;
}

/** A workspace with one key for each finding, and one ("Busy app") with none. */
export async function monitoredWorkspace(tempDir: () => string): Promise<Monitored> {
  let clock = Date.parse(T0);
  const ws = await startWorkspace({ now: () => new Date(clock) }, tempDir());
  const ids: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  const create = async (name: string, scope: "read" | "write" | "full", extra: Record<string, unknown> = {}) => {
    const created = await ws.createKey(scope, name, extra);
    ids[name] = created.key.id;
    secrets[name] = created.secret;
  };
  const use = async (name: string, method: "GET" | "POST", userAgent = "integration/1.0") =>
    ws.call(method, "/v1/feedback", { token: secrets[name]!, headers: { "user-agent": userAgent }, ...(method === "POST" ? { body: { title: "from an integration" } } : {}) });

  await create("Old reports", "read");
  await create("Full reader", "full");
  await create("Shared bot", "read");
  await create("Retired pipeline", "write");
  await create("Expiring export", "read", { expiresAt: day(NOW, 5) });
  await create("Nightly sync", "read");
  await create("Busy app", "write");
  await use("Nightly sync", "GET");
  await use("Retired pipeline", "POST");

  clock = Date.parse(day(T0, 35));
  await use("Full reader", "GET");
  await use("Busy app", "POST");
  await ws.call("POST", `/v1/api-keys/${ids["Retired pipeline"]}/revoke`, { body: { reason: "unused", note: "Pipeline moved to the new account" } });

  clock = Date.parse(NOW);
  for (const agent of ["bot-a/1.0", "bot-b/1.0", "bot-c/1.0", "bot-d/1.0"]) await use("Shared bot", "GET", agent);
  await use("Nightly sync", "GET", "nightly/3.1"); // 40 days after its last use
  expect((await use("Retired pipeline", "POST", "old-pipeline/0.9")).status).toBe(401);
  await use("Busy app", "POST");
  await use("Busy app", "GET");

  const harness = await startHarness({
    dataDir: tempDir(),
    rendererDir: RENDERER_DIR,
    repoRoot: REPO_ROOT,
    workspace: { url: ws.url, adminToken: ws.adminToken },
    vaultCreateOptions: FAST_VAULT,
    now: () => new Date(clock),
  });
  return { ws, harness, ids };
}

