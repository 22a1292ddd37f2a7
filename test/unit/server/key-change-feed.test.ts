import { describe, expect } from "vitest";
import { openDatabase, type OpenedDatabase } from "../../../server/db/connect";
import { KeyChangeFeed } from "../../../server/keys/key-change-feed";
import { eachDatabase, it } from "../../support/server-fixtures";

function recorder() {
  const seen = { changes: 0, trustedUntil: 0 };
  return { seen, listener: { changed: () => void seen.changes++, trustUntil: (ms: number) => void (seen.trustedUntil = ms) } };
}

eachDatabase((database) => {
  describe("the key change feed", () => {
    it("tells every other process of a change, and trusts the cache only while it can read the counter", async ({ target }) => {
      const opened: OpenedDatabase[] = [await openDatabase(target), await openDatabase(target)];
      const [a, b] = [recorder(), recorder()];
      // B polls once a minute here: on PostgreSQL, NOTIFY alone must carry the change; on SQLite, poll() is called.
      const feeds = [new KeyChangeFeed(opened[0]!, a.listener), new KeyChangeFeed(opened[1]!, b.listener, undefined, 60_000)];
      try {
        await Promise.all(feeds.map((feed) => feed.start()));
        expect(b.seen.trustedUntil).toBeGreaterThan(Date.now());
        await opened[0]!.db.transaction().execute((trx) => feeds[0]!.bump(trx));
        if (database === "sqlite") await feeds[1]!.poll();
        await expect.poll(() => b.seen.changes, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
        // A change that is rolled back is never announced.
        await feeds[1]!.poll(); // B's counter catches up with the change NOTIFY told it of
        const before = b.seen.changes;
        await expect(
          opened[0]!.db.transaction().execute(async (trx) => {
            await feeds[0]!.bump(trx);
            throw new Error("rolled back");
          }),
        ).rejects.toThrow("rolled back");
        await feeds[1]!.poll();
        expect(b.seen.changes).toBe(before);
        // Without the database, the cache's trust is not renewed.
        const trusted = b.seen.trustedUntil;
        await feeds[1]!.stop();
        await opened[1]!.db.destroy();
        await new KeyChangeFeed(opened[1]!, b.listener).poll();
        expect(b.seen.trustedUntil).toBe(trusted);
      } finally {
        await Promise.all(feeds.map((feed) => feed.stop()));
        await opened[0]!.db.destroy();
        await opened[1]!.db.destroy().catch(() => undefined);
      }
    });
  });
});
