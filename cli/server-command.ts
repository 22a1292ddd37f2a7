/** `keyward server`: runs the reference server, or (`admin-token`) makes an admin token for it. */
import { parseArgs } from "node:util";
import path from "node:path";
import { createAdminToken } from "../server/admin/admin-tokens";
import { createServer } from "../server/app";
import { openSqlite } from "../server/db/connect";

const USAGE = `Usage:
  keyward server [--port 4010] [--host 127.0.0.1] [--data ./data] [--flush-ms 1000]
  keyward server admin-token --data ./data --name "desktop" [--replace]

  --replace          revoke the other admin tokens of that name
  --exit-with-stdin  shut down gracefully when standard input closes (when run by the desktop app)`;

export async function serverCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: "string", default: "4010" },
      host: { type: "string", default: "127.0.0.1" },
      data: { type: "string", default: "./data" },
      name: { type: "string" },
      "flush-ms": { type: "string", default: "1000" },
      replace: { type: "boolean", default: false },
      "exit-with-stdin": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dataDir = path.resolve(values.data);
  if (positionals[0] === "admin-token") return adminToken(dataDir, values.name, values.replace);
  if (positionals.length > 0) {
    console.error(`Unknown server command "${positionals[0]}".\n${USAGE}`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number, not "${values.port}".`);
    return 2;
  }
  const flushMs = Number(values["flush-ms"]);
  if (!Number.isInteger(flushMs) || flushMs < 100 || flushMs > 5000) {
    console.error("--flush-ms (how often usage is written) must be 100 to 5000: usage may be at most 5 s stale.");
    return 2;
  }
  const server = await createServer({ dataDir, host: values.host, port, logger: true, housekeepingMs: flushMs });
  const url = await server.listen();
  console.error(`Keyward workspace server listening on ${url} (data in ${dataDir}, SQLite via ${server.databaseDriver})`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      console.error(`${signal}: writing pending usage and closing`);
      server.close().then(resolve, (error: unknown) => {
        console.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        resolve();
      });
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
    // Run by the desktop app, the server ends with it: a closed stdin means the app is gone.
    if (values["exit-with-stdin"]) {
      process.stdin.resume();
      process.stdin.once("end", () => stop("stdin closed"));
    }
  });
  return 0;
}

async function adminToken(dataDir: string, name: string | undefined, replace: boolean): Promise<number> {
  if (!name) {
    console.error(`admin-token needs --name.\n${USAGE}`);
    return 2;
  }
  const { db } = await openSqlite(dataDir);
  try {
    const { token, row } = await createAdminToken(db, name, new Date(), { replace });
    // The token goes to stdout alone so scripts can capture it; everything else to stderr.
    process.stdout.write(`${token}\n`);
    console.error(`Admin token "${row.name}" (${row.id}, ${row.display}) created. It is shown this once: store it now.`);
    return 0;
  } finally {
    await db.destroy();
  }
}
