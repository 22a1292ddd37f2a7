import { describe, expect } from "vitest";
import { eachDatabase, it } from "../../support/server-fixtures";

eachDatabase(() => {
  describe("resource endpoints", () => {
    it.for(["feedback", "announcements", "users"] as const)("creates, reads, lists, changes and deletes %s with a write key", async (kind, { ws }) => {
      const { secret } = await ws.createKey("write");
      const fields = kind === "users" ? { name: "Ada Lovelace", email: "ada@example.com" } : { title: "Dark mode", body: "please" };
      const created = await ws.call("POST", `/v1/${kind}`, { token: secret, body: fields });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject(fields);
      const id = created.body.id;
      expect((await ws.call("GET", `/v1/${kind}/${id}`, { token: secret })).body).toEqual(created.body);
      const change = kind === "users" ? { name: "Ada King" } : { title: "Dark mode, please" };
      const patched = await ws.call("PATCH", `/v1/${kind}/${id}`, { token: secret, body: change });
      expect(patched.status).toBe(200);
      // A PATCH changes only what it names.
      expect(patched.body).toEqual({ ...created.body, ...change, updatedAt: patched.body.updatedAt });
      const list = await ws.call("GET", `/v1/${kind}`, { token: secret });
      expect(list.body).toEqual({ data: [patched.body], nextCursor: null });
      expect((await ws.call("DELETE", `/v1/${kind}/${id}`, { token: secret })).status).toBe(204);
      expect((await ws.call("GET", `/v1/${kind}/${id}`, { token: secret })).status).toBe(404);
      expect((await ws.call("DELETE", `/v1/${kind}/${id}`, { token: secret })).status).toBe(404);
    });

    it("validates resource bodies", async ({ ws }) => {
      const { secret } = await ws.createKey("write");
      const bad = await ws.call("POST", "/v1/users", { token: secret, body: { name: "x", email: "not-an-email" } });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain("body.email");
      const badStatus = await ws.call("POST", "/v1/feedback", { token: secret, body: { title: "x", status: "maybe" } });
      expect(badStatus.body.error.message).toContain("body.status");
    });

    it("keeps workspace settings for full keys", async ({ ws }) => {
      const { secret } = await ws.createKey("full");
      const patched = await ws.call("PATCH", "/v1/settings", { token: secret, body: { workspaceName: "Acme" } });
      expect(patched.body).toEqual({ workspaceName: "Acme", timezone: "UTC" });
      expect((await ws.call("GET", "/v1/settings", { token: secret })).body.workspaceName).toBe("Acme");
    });

    it("pages resource lists with a cursor", async ({ ws }) => {
      const { secret } = await ws.createKey("write");
      for (let i = 0; i < 5; i++) await ws.call("POST", "/v1/feedback", { token: secret, body: { title: `item ${i}` } });
      const first = await ws.call("GET", "/v1/feedback?limit=2", { token: secret });
      expect(first.body.data.map((item: { title: string }) => item.title)).toEqual(["item 4", "item 3"]);
      const second = await ws.call("GET", `/v1/feedback?limit=2&cursor=${first.body.nextCursor}`, { token: secret });
      expect(second.body.data.map((item: { title: string }) => item.title)).toEqual(["item 2", "item 1"]);
    });
  });
});
