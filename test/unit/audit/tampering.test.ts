/**
 * A bundle from a real server verifies, and each kind of tampering is caught with the right
 * message, at every position class (first, middle, last event; first and last key), by every
 * verifier alike (reference, sequential, parallel with workers).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditBundle, AuditEvent } from "../../../shared/api/schemas";
import { canonicalJson } from "../../../shared/canonical-json";
import { startWorkspace, type TestWorkspace } from "../../support/test-server";
import { rehash } from "./support/bundles";
import { verifyEveryWay } from "./support/verify-all";

let ws: TestWorkspace;
let original: Buffer;
let fingerprint: string;
let clock = Date.parse("2026-05-01T09:00:00.000Z");

beforeAll(async () => {
  ws = await startWorkspace({ now: () => new Date(clock) });
  const keys = [];
  for (let i = 0; i < 12; i++) keys.push(await ws.createKey(i % 2 ? "read" : "write", `integration ${i}`));
  await ws.call("POST", `/v1/api-keys/${keys[0]!.key.id}/rotate`, { body: { graceSeconds: 0 } });
  await ws.call("PATCH", `/v1/api-keys/${keys[1]!.key.id}`, { body: { description: "Quarterly export job" } });
  for (const key of keys.slice(2)) await ws.call("POST", `/v1/api-keys/${key.key.id}/revoke`, { body: { reason: "unused" } });
  // Refused requests, one auth.denied event per key and minute: enough events for a bundle over 64 KB.
  for (let minute = 0; minute < 30; minute++) {
    clock += 60_000;
    for (const key of keys.slice(2)) await ws.call("GET", "/v1/feedback", { token: key.secret });
    await ws.server.housekeeping();
  }
  clock += 60_000;
  await ws.server.housekeeping();
  const response = await fetch(`${ws.url}/v1/audit-export`, { headers: { authorization: `Bearer ${ws.adminToken}` } });
  original = Buffer.from(await response.arrayBuffer());
  fingerprint = (await ws.call("GET", "/v1/workspace")).body.signingKey.fingerprint;
});

afterAll(async () => {
  await ws.stop();
});

const parsed = (): AuditBundle => JSON.parse(original.toString("utf8")) as AuditBundle;
const tamper = (change: (bundle: AuditBundle) => void): Buffer => {
  const bundle = parsed();
  change(bundle);
  return Buffer.from(canonicalJson(bundle), "utf8");
};
const positions = () => {
  const count = parsed().events.length;
  return { first: 0, middle: Math.floor(count / 2), last: count - 1 };
};
const chainProblem = (result: Awaited<ReturnType<typeof verifyEveryWay>>) => result.problems[0]!;

describe("a bundle from a real server", () => {
  it("verifies: signature, every event chained to the head, the inventory signed", async () => {
    expect(original.length).toBeGreaterThan(64 * 1024);
    const result = await verifyEveryWay(original, { expectedFingerprint: fingerprint });
    const bundle = parsed();
    expect(result).toMatchObject({ valid: true, problems: [], chainIntact: true, signatureValid: true, events: bundle.events.length });
    expect(result.header).toMatchObject({ head: bundle.head, keyCount: 13, signing: { fingerprint } });
    expect(result.summary).toMatch(new RegExp(`^Valid\\. .*all ${bundle.events.length} events chain from event 1 to the signed head`));
  });

  it("fails when signed by another key than the workspace's", async () => {
    const result = await verifyEveryWay(original, { expectedFingerprint: "ab".repeat(32) });
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ kind: "unexpected_signer", found: fingerprint })]);
  });
});

describe("removed events", () => {
  it.each(["first", "middle", "last"] as const)("the %s event", async (where) => {
    const at = positions()[where];
    const result = await verifyEveryWay(tamper((bundle) => void bundle.events.splice(at, 1)));
    const seq = at + 1;
    expect(result.valid).toBe(false);
    if (where === "last") {
      expect(chainProblem(result)).toMatchObject({ kind: "missing", seq, message: `Event ${seq} is missing at the end: the chain stops at event ${seq - 1}, but the signed head is event ${seq}.` });
    } else if (where === "first") {
      expect(chainProblem(result)).toMatchObject({ kind: "missing", seq: 1, position: 1, message: expect.stringMatching(/^Event 1 is missing: the chain starts at event 2, whose prevHash/) });
    } else {
      expect(chainProblem(result)).toMatchObject({ kind: "missing", seq, position: seq, expected: `event ${seq}`, found: `event ${seq + 1}` });
      expect(chainProblem(result).message).toMatch(new RegExp(`^Event ${seq} is missing: event ${seq - 1} is followed by event ${seq + 1}`));
    }
    expect(result.problems.at(-1)).toMatchObject({ kind: "signature_mismatch", chainIntact: false });
  });
});

describe("altered events", () => {
  it.each(["first", "middle", "last"] as const)("the %s event, its hash left as it was", async (where) => {
    const at = positions()[where];
    const result = await verifyEveryWay(tamper((bundle) => void (bundle.events[at]!.actor = "someone else")));
    const event = parsed().events[at]!;
    expect(chainProblem(result)).toMatchObject({ kind: "altered", seq: at + 1, position: at + 1, expected: event.hash });
    expect(chainProblem(result).message).toMatch(new RegExp(`^Event ${at + 1} \\(position ${at + 1}\\) was altered: its content hashes to [0-9a-f]{12}…, not to the hash written with it`));
  });

  it("a middle event altered and its hash recomputed breaks the link to the next", async () => {
    const at = positions().middle;
    const result = await verifyEveryWay(tamper((bundle) => void (bundle.events[at] = rehash({ ...bundle.events[at]!, data: { forged: true } }))));
    expect(chainProblem(result)).toMatchObject({ kind: "broken_link", seq: at + 2, position: at + 2 });
    expect(chainProblem(result).message).toMatch(new RegExp(`^Event ${at + 2} does not link to event ${at + 1}: .*One of them was changed and its hash recomputed\\.$`));
  });

  it("the last event altered with its hash recomputed no longer matches the signed head", async () => {
    const at = positions().last;
    const result = await verifyEveryWay(tamper((bundle) => void (bundle.events[at] = rehash({ ...bundle.events[at]!, actor: "forger" }))));
    expect(chainProblem(result)).toMatchObject({ kind: "head_mismatch", seq: at + 1, expected: parsed().head.hash });
  });
});

describe("events out of order", () => {
  it.each(["first", "middle", "last"] as const)("the %s two swapped", async (where) => {
    const at = Math.min(positions()[where], positions().last - 1);
    const result = await verifyEveryWay(
      tamper((bundle) => {
        const [a, b] = [bundle.events[at]!, bundle.events[at + 1]!];
        bundle.events[at] = b;
        bundle.events[at + 1] = a;
      }),
    );
    expect(chainProblem(result)).toMatchObject({ kind: "out_of_order", seq: at + 1, position: at + 1, expected: `event ${at + 1}`, found: `event ${at + 2}` });
    expect(chainProblem(result).message).toBe(`Events are out of order: position ${at + 1} holds event ${at + 2}, where event ${at + 1} belongs; event ${at + 1} is at position ${at + 2}.`);
  });
});

describe("inserted events", () => {
  const forged = (like: AuditEvent): AuditEvent => ({ ...like, actor: "forger", data: { note: "inserted" } });

  it.each(["first", "middle"] as const)("a forged event before the %s event", async (where) => {
    const at = positions()[where];
    const result = await verifyEveryWay(tamper((bundle) => void bundle.events.splice(at, 0, forged(bundle.events[at]!))));
    expect(chainProblem(result)).toMatchObject({ kind: "inserted", seq: at + 1, position: at + 1 });
    expect(chainProblem(result).message).toBe(`An event was inserted at position ${at + 1} (it claims seq ${at + 1}): the next event, ${at + 1}, links straight to event ${at}.`);
  });

  it("a copy of the middle event right after it", async () => {
    const at = positions().middle;
    const result = await verifyEveryWay(tamper((bundle) => void bundle.events.splice(at + 1, 0, { ...bundle.events[at]! })));
    expect(chainProblem(result)).toMatchObject({ kind: "inserted", seq: at + 1, position: at + 2 });
  });

  it("a well-linked event after the last one, beyond the signed head", async () => {
    const result = await verifyEveryWay(
      tamper((bundle) => {
        const last = bundle.events.at(-1)!;
        bundle.events.push(rehash({ ...forged(last), seq: last.seq + 1, prevHash: last.hash }));
      }),
    );
    const last = positions().last + 1;
    expect(chainProblem(result)).toMatchObject({ kind: "inserted", seq: last + 1, message: `Event ${last + 1} was added after the signed head (event ${last}).` });
  });
});

describe("the inventory and the signature", () => {
  it.each(["first", "last"] as const)("a field of the %s key changed: the signature fails, the chain is intact, the hint names the key", async (where) => {
    let id = "";
    const result = await verifyEveryWay(
      tamper((bundle) => {
        const key = where === "first" ? bundle.keys[0]! : bundle.keys.at(-1)!;
        id = key.id;
        key.scope = "full";
      }),
    );
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ kind: "signature_mismatch", chainIntact: true });
    expect(result.summary).toMatch(/^The signature does not match: .* The event chain is intact from event 1 to the signed head \(event \d+\), so the change is elsewhere: in the key inventory/);
    expect((result.problems[0] as { hints: string[] }).hints).toEqual([expect.stringMatching(new RegExp(`^Key ${id} \\("integration \\d+"\\): its scope is "full" in the inventory, but its key.created event \\(seq \\d+\\) says "(read|write)"\\.$`))]);
  });

  it("a key's label changed, or a key removed, still fails the signature", async () => {
    const renamed = await verifyEveryWay(tamper((bundle) => void (bundle.keys.at(-1)!.name = "renamed")));
    expect(renamed.problems).toEqual([expect.objectContaining({ kind: "signature_mismatch", chainIntact: true, hints: [] })]);
    const removed = await verifyEveryWay(tamper((bundle) => void bundle.keys.splice(0, 1)));
    expect((removed.problems[0] as { hints: string[] }).hints).toEqual([expect.stringMatching(/^Key key_\w+, created by event 2, is not in the inventory/)]);
  });

  it("a changed signature fails, with the chain intact", async () => {
    const result = await verifyEveryWay(
      tamper((bundle) => {
        const bytes = Buffer.from(bundle.signature, "base64");
        bytes[10] = bytes[10]! ^ 1;
        bundle.signature = bytes.toString("base64");
      }),
    );
    expect(result.problems).toEqual([expect.objectContaining({ kind: "signature_mismatch", chainIntact: true, hints: [] })]);
  });

  it("a changed head is not the chain's end, and fails the signature", async () => {
    const result = await verifyEveryWay(tamper((bundle) => void (bundle.head.hash = "f".repeat(64))));
    expect(result.problems.map((problem) => problem.kind)).toEqual(["head_mismatch", "signature_mismatch"]);
  });
});

describe("files that are not bundles", () => {
  it("whitespace, a cut-off file, not JSON, another format version: malformed, nothing trusted", async () => {
    const text = original.toString("utf8");
    const cases = [
      Buffer.from(text.replace('{"actor":', '{ "actor":'), "utf8"),
      original.subarray(0, original.length - 10),
      Buffer.from("hello", "utf8"),
      Buffer.from(text.replace('"version":1', '"version":2'), "utf8"),
      Buffer.from(text.replace('"format":"keyward-audit-bundle"', '"format":"other"'), "utf8"),
    ];
    for (const bytes of cases) {
      const result = await verifyEveryWay(bytes);
      expect(result).toMatchObject({ valid: false, header: null, problems: [expect.objectContaining({ kind: "malformed" })] });
      expect(result.summary).toMatch(/^Not a valid audit bundle: .*Nothing in it can be trusted\.$/);
    }
    expect(verifyEveryWay(cases[3]!).then((r) => r.summary)).resolves.toContain("this Keyward reads version 1: update Keyward");
  });
});
