/**
 * `keyward server`: runs the reference server, or (`admin-token`) makes an admin token for it.
 * With DATABASE_URL=postgres://… in the environment both use PostgreSQL instead of SQLite in --data.
 * TLS key files are read here and handed to the server; their contents are never printed.
 * Protects against: a TLS key or database password printed (neither is), an admin token shown
 * anywhere but the terminal that asked for it. Does not protect against: a terminal whose output
 * is recorded, or a DATABASE_URL visible to other users in the process list.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { createAdminToken } from "../server/admin/admin-tokens";
import { createServer, type ServerOptions } from "../server/app";
import { openDatabase } from "../server/db/connect";

const USAGE = `Usage:
  keyward server [--port 4010] [--host 127.0.0.1] [--data ./data] [--flush-ms 1000]
                 [--tls-cert cert.pem --tls-key key.pem] [--trust-proxy 10.0.0.5,10.1.0.0/16] [--quiet]
  keyward server admin-token --data ./data --name "desktop" [--replace]

  DATABASE_URL=postgres://…  keep the data in PostgreSQL (several servers on one database)
  --tls-cert, --tls-key      serve HTTPS with this certificate and private key (PEM files)
  --trust-proxy LIST         take the client address from X-Forwarded-For, only when the request
                             comes from one of these proxies (comma-separated addresses or CIDRs)
  --quiet                    no request log (by default one JSON line per request on stdout)
  --replace                  revoke the other admin tokens of that name
  --exit-with-stdin          shut down gracefully when standard input closes (when run by the desktop app)`;

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
      "tls-cert": { type: "string" },
      "tls-key": { type: "string" },
      "trust-proxy": { type: "string" },
      quiet: { type: "boolean", default: false },
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
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (positionals[0] === "admin-token") return adminToken(dataDir, databaseUrl, values.name, values.replace);
  if (positionals.length > 0) {
    console.error(`Unknown server command "${positionals[0]}".\n${USAGE}`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port must be a port number, not "${values.port}".`);
  const flushMs = Number(values["flush-ms"]);
  if (!Number.isInteger(flushMs) || flushMs < 100 || flushMs > 5000) return fail("--flush-ms (how often usage is written) must be 100 to 5000: usage may be at most 5 s stale.");
  const tls = readTls(values["tls-cert"], values["tls-key"]);
  if (typeof tls === "string") return fail(tls);
  const trustProxy = values["trust-proxy"] === undefined ? undefined : parseProxyList(values["trust-proxy"]);
  if (typeof trustProxy === "string") return fail(trustProxy);

  const options: ServerOptions = { dataDir, databaseUrl, host: values.host, port, housekeepingMs: flushMs, requestLog: values.quiet ? false : { fd: 1 } };
  if (tls) options.tls = tls;
  if (trustProxy) options.trustProxy = trustProxy;
  const server = await createServer(options);
  const url = await server.listen();
  const where = server.databaseKind === "postgres" ? `data in ${server.databaseLocation}` : `data in ${dataDir}, SQLite via ${server.databaseDriver}`;
  console.error(`Keyward workspace server listening on ${url} (${where})`);
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

function fail(message: string): number {
  console.error(message);
  return 2;
}

function readTls(certFile: string | undefined, keyFile: string | undefined): { cert: Buffer; key: Buffer } | string | null {
  if (certFile === undefined && keyFile === undefined) return null;
  if (certFile === undefined || keyFile === undefined) return "--tls-cert and --tls-key go together: give both PEM files.";
  try {
    return { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) };
  } catch (error) {
    return `Cannot read the TLS files: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Addresses or CIDRs, comma-separated; anything else is refused rather than trusted loosely. */
export function parseProxyList(text: string): string[] | string {
  const entries = text.split(",").map((entry) => entry.trim()).filter((entry) => entry !== "");
  if (entries.length === 0) return "--trust-proxy needs at least one address or CIDR.";
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split("/");
    const family = net.isIP(address ?? "");
    const maxBits = family === 4 ? 32 : 128;
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !validBits || rest.length > 0) return `--trust-proxy: "${entry}" is not an IP address or CIDR (e.g. 10.0.0.5 or 10.0.0.0/8).`;
  }
  return entries;
}

async function adminToken(dataDir: string, databaseUrl: string | undefined, name: string | undefined, replace: boolean): Promise<number> {
  if (!name) {
    console.error(`admin-token needs --name.\n${USAGE}`);
    return 2;
  }
  const { db } = await openDatabase({ dataDir, databaseUrl });
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
