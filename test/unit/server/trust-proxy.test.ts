import { afterEach, describe, expect } from "vitest";
import { generateCredential } from "../../../shared/credential";
import { it } from "../../support/server-fixtures";
import { startServerProcess, type ServerProcess } from "../../support/server-process";

let server: ServerProcess | null = null;
afterEach(async () => {
  await server?.stop("SIGTERM");
  server = null;
});

const guess = async (url: string, forwardedFor: string) =>
  (await fetch(`${url}/v1/whoami`, { headers: { authorization: `Bearer ${generateCredential("live")}`, "x-forwarded-for": forwardedFor } })).status;

// The command line path of the limit; the database does not matter, so this runs on SQLite.
describe("keyward server --trust-proxy", () => {
  it("takes the client from X-Forwarded-For only from the named proxies, and limits a rotating IPv6 attacker per /64", async ({ target }) => {
    server = await startServerProcess(target, ["--quiet", "--trust-proxy", "10.9.9.9,127.0.0.0/8"]);
    // 50 guesses (the default limit), each from a new address of one /64.
    for (let i = 1; i <= 50; i++) expect(await guess(server.url, `2001:db8:aa:bb::${i.toString(16)}`)).toBe(401);
    expect(await guess(server.url, "2001:db8:aa:bb:1234::99")).toBe(429);
    // Another client, seen through the same proxy, is not blocked.
    expect(await guess(server.url, "198.51.100.7")).toBe(401);
  });
});
