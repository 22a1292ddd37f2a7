import { spawn } from "node:child_process";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { describe, expect } from "vitest";
import { SQLITE_FILE_NAME } from "../../../server/db/connect";
import { eachDatabase, it } from "../../support/server-fixtures";
import { serverEnv } from "../../support/server-process";

const CLI = path.resolve("cli/keyward.ts");

function adminToken(env: NodeJS.ProcessEnv, dataDir: string, name: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--no-warnings", "--import", "tsx", CLI, "server", "admin-token", "--data", dataDir, "--name", name], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

eachDatabase((database) => {
  describe("several processes opening a new workspace at once", () => {
    it("apply the migrations once and all succeed", { timeout: 90_000 }, async ({ target }) => {
      // SQLite: hold the write lock while the processes start, so they all reach the migrations together.
      let held: SqliteDatabase.Database | null = null;
      if (database === "sqlite") {
        held = new SqliteDatabase(path.join(target.dataDir, SQLITE_FILE_NAME));
        held.pragma("journal_mode = WAL");
        held.exec("begin immediate");
      }
      const runs = Promise.all([1, 2, 3].map((i) => adminToken(serverEnv(target), target.dataDir, `ops-${i}`)));
      if (held) {
        await new Promise((resolve) => setTimeout(resolve, 3000));
        held.exec("commit");
        held.close();
      }
      for (const run of await runs) {
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toMatch(/^uo_adm_[0-9A-Za-z]{38}\n$/);
      }
    });
  });
});
