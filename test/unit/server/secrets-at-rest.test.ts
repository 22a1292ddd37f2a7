import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject } from "vitest";
import { eachDatabase, it } from "../../support/server-fixtures";

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

eachDatabase((database) => {
  describe("secrets at rest", () => {
    it("never writes an issued secret or admin token into the database files", async ({ ws }) => {
      const secrets = [ws.adminToken];
      for (const scope of ["read", "write", "full"] as const) {
        const { key, secret } = await ws.createKey(scope);
        secrets.push(secret);
        await ws.call("GET", "/v1/whoami", { token: secret });
        const rotated = await ws.call("POST", `/v1/api-keys/${key.id}/rotate`, { body: { graceSeconds: 60 } });
        secrets.push(rotated.body.secret);
      }
      await ws.server.housekeeping();
      // SQLite: the data folder. PostgreSQL: the whole cluster's folder (tables, write-ahead log).
      const folder = database === "sqlite" ? ws.dataDir : inject("postgres")!.dataDir;
      const inspect = () => {
        const files = filesUnder(folder);
        expect(files.length).toBeGreaterThan(0);
        for (const file of files) {
          const bytes = fs.readFileSync(file);
          for (const secret of secrets) {
            expect(bytes.includes(Buffer.from(secret)), `${path.basename(file)} holds a secret`).toBe(false);
            // Nor the part of the body that the display form does not show.
            expect(bytes.includes(Buffer.from(secret.slice(-30, -4))), `${path.basename(file)} holds part of a secret`).toBe(false);
          }
        }
      };
      inspect(); // while running, the write-ahead log included
      await ws.stop();
      ws.stop = async () => undefined;
      inspect();
    });
  });
});
