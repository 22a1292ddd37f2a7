/** The workspace's audit signing key when several server processes of one data folder start at once, or one crashed while making it. */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite, type OpenedDatabase } from "../../../server/db/connect";
import { installKeyFile, loadSigningKey, SIGNING_KEY_FILE } from "../../../server/audit/signing-key";
import { generateKeyPairSync } from "node:crypto";
import { tempDir } from "../../support/test-server";

const opened: OpenedDatabase[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.db.destroy();
});

async function database(dir: string): Promise<OpenedDatabase> {
  const db = await openSqlite(dir);
  opened.push(db);
  return db;
}

describe("the audit signing key", () => {
  it("is the same for every process of one data folder that starts at once on a new workspace", async () => {
    const dir = tempDir("signing");
    // One connection each, as separate processes would have (opened in turn: the migrations are not what this tests).
    const connections = [await database(dir), await database(dir), await database(dir)];
    const keys = await Promise.all(connections.map(({ db }) => loadSigningKey(dir, db)));
    expect(new Set(keys.map((key) => key.info.fingerprint)).size).toBe(1);
    // The one file left is that key, and the next start loads it.
    expect(fs.readdirSync(dir).filter((name) => name.startsWith(SIGNING_KEY_FILE))).toEqual([SIGNING_KEY_FILE]);
    expect((await loadSigningKey(dir, connections[0]!.db)).info.fingerprint).toBe(keys[0]!.info.fingerprint);
  });

  it("is completed at the next start when a crash came between the database and the file's rename", async () => {
    const dir = tempDir("signing");
    const { db } = await database(dir);
    const first = await loadSigningKey(dir, db);
    // As a crash would leave it: the key kept in the database, its file still under its pending name.
    fs.renameSync(path.join(dir, SIGNING_KEY_FILE), path.join(dir, `${SIGNING_KEY_FILE}.new-4242-cafe0001`));
    expect((await loadSigningKey(dir, db)).info.fingerprint).toBe(first.info.fingerprint);
    expect(fs.existsSync(path.join(dir, SIGNING_KEY_FILE))).toBe(true);
  });

  it("the maker still starts when a process starting meanwhile completed its pending file first", async () => {
    const dir = tempDir("signing");
    const { db } = await database(dir);
    const made = await loadSigningKey(dir, db);
    const { privateKey } = generateKeyPairSync("ed25519");
    const pending = path.join(dir, `${SIGNING_KEY_FILE}.new-4242-cafe0002`);
    // The peer renamed the maker's pending file already: the final file holds the maker's key.
    const own = fs.readFileSync(path.join(dir, SIGNING_KEY_FILE));
    expect(installKeyFile(dir, pending, path.join(dir, SIGNING_KEY_FILE), made.privateKey).info.fingerprint).toBe(made.info.fingerprint);
    expect(fs.readFileSync(path.join(dir, SIGNING_KEY_FILE))).toEqual(own);
    // Another key in the final file is not this process's success: the rename's error stands.
    expect(() => installKeyFile(dir, pending, path.join(dir, SIGNING_KEY_FILE), privateKey)).toThrow(/ENOENT/);
  });
});
