/**
 * A throw-away PostgreSQL for tests: Debian's binaries (/usr/lib/postgresql/<version>/bin), a
 * cluster in a temporary folder, on a free loopback port, run as the `postgres` user when the tests
 * run as root (PostgreSQL refuses to run as root). Trust authentication: it listens on 127.0.0.1 only
 * and lives for one test run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface PostgresCluster {
  /** A URL of the `postgres` database, for creating others. */
  adminUrl: string;
  /** The cluster's data folder (tests search its files for secrets). */
  dataDir: string;
  port: number;
  stop(): void;
  start(): void;
  /** Stops the server and removes its folder. */
  destroy(): void;
}

export function findPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((name) => fs.existsSync(path.join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const asRoot = () => process.getuid?.() === 0;

function run(bin: string, tool: string, args: string[]): void {
  const command = path.join(bin, tool);
  const [file, argv] = asRoot() ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`);
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed: apt-get install postgresql (its binaries are looked for in /usr/lib/postgresql/<version>/bin).");
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-pg-"));
  fs.chmodSync(root, 0o755);
  if (asRoot()) execFileSync("chown", ["postgres:postgres", root]);
  const dataDir = path.join(root, "data");
  const port = await freePort();
  run(bin, "initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C.UTF-8"]);
  const settings = [
    `-p ${port}`,
    `-k ${root}`,
    "-c listen_addresses=127.0.0.1",
    "-c max_connections=300",
    // A test database: durability off for speed (crash tests kill the server, never this cluster).
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
  ].join(" ");
  const cluster: PostgresCluster = {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    port,
    start: () => run(bin, "pg_ctl", ["-D", dataDir, "-o", settings, "-l", path.join(root, "server.log"), "-w", "-t", "60", "start"]),
    stop: () => run(bin, "pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"]),
    destroy() {
      try {
        cluster.stop();
      } catch {
        // already stopped
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}

let counter = 0;

/** A new, empty database in the cluster; answers its URL. */
export async function createDatabase(adminUrl: string, label = "test"): Promise<string> {
  const name = `kw_${label.replace(/[^a-z0-9]/gi, "").toLowerCase().slice(0, 20)}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
