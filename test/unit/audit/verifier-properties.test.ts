/**
 * The fast verifiers against the reference verifier (JSON.parse + canonicalJson), on generated
 * bundles: arbitrary keys and events (any Unicode, lone surrogates, numbers of every form), signed,
 * then tampered in one of many ways, or written in a non-canonical form and validly signed anyway.
 * The fast paths must reach exactly the reference's verdict; malformed inputs only need to be
 * called malformed by both.
 */
import fc from "fast-check";
import { open } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { verifyAuditBundle, verifyBundleBytes, verifyBundleReference } from "../../../core/audit/verify";
import { verifyValidFast } from "../../../core/audit/verify/parallel";
import type { ApiKey, AuditEvent } from "../../../shared/api/schemas";
import { canonicalJson } from "../../../shared/canonical-json";
import { makeApiKey } from "../../support/api-key";
import { chain, newSigner, rehash, signedBytes, signRawText, unsignedBundle, writeTemp, type EventDraft } from "./support/bundles";
import { comparable } from "./support/verify-all";

const signer = newSigner();
// Every code point (controls, lone surrogates, astral characters), whole graphemes, and plain ASCII.
const text = fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 6 }), fc.string({ unit: "grapheme-ascii", maxLength: 12 }));
const data = fc.dictionary(text, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) as fc.Arbitrary<Record<string, unknown>>;

const keyArb = fc.record({ name: text, description: text, scope: fc.constantFrom("read", "write", "full") as fc.Arbitrary<ApiKey["scope"]> });
const draftArb: fc.Arbitrary<EventDraft> = fc.record(
  { at: fc.constant("2026-02-01T00:00:00.000Z"), type: fc.constantFrom("key.created", "auth.denied", "key.revoked", "a\u2028b"), actor: text, keyId: fc.option(text, { nil: undefined }), data },
  { requiredKeys: ["at", "type", "actor", "data"] },
);

type Tamper =
  | { op: "none" }
  | { op: "remove" | "swap" | "duplicate" | "alter" | "alter-rehash"; at: number }
  | { op: "key-field"; at: number }
  | { op: "signature" | "head" }
  | { op: "whitespace" | "truncate"; at: number }
  | { op: "signed-whitespace"; at: number };

const tamperArb: fc.Arbitrary<Tamper> = fc.oneof(
  fc.constant({ op: "none" as const }),
  fc.record({ op: fc.constantFrom("remove", "swap", "duplicate", "alter", "alter-rehash" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("key-field" as const), at: fc.nat() }),
  fc.record({ op: fc.constantFrom("signature", "head" as const) }),
  fc.record({ op: fc.constantFrom("whitespace", "truncate", "signed-whitespace" as const), at: fc.nat() }),
);

function build(keys: { name: string; description: string; scope: ApiKey["scope"] }[], drafts: EventDraft[], tamper: Tamper): Buffer {
  const inventory = keys.map((key, i) => makeApiKey(`key_${i}`, key));
  let events: AuditEvent[] = chain(drafts);
  const bundle = unsignedBundle(signer, inventory, events);
  const bytes = signedBytes(signer, bundle);
  const at = "at" in tamper ? tamper.at % Math.max(1, events.length) : 0;
  const reserialize = (change: (b: typeof bundle & { signature: string }) => void) => {
    const copy = JSON.parse(bytes.toString("utf8"));
    change(copy);
    return Buffer.from(canonicalJson(copy), "utf8");
  };
  switch (tamper.op) {
    case "none":
      return bytes;
    case "remove":
      return reserialize((b) => void b.events.splice(at, 1));
    case "swap":
      return reserialize((b) => {
        if (b.events.length < 2) return;
        const i = Math.min(at, b.events.length - 2);
        [b.events[i], b.events[i + 1]] = [b.events[i + 1]!, b.events[i]!];
      });
    case "duplicate":
      return reserialize((b) => void (b.events.length > 0 && b.events.splice(at, 0, { ...b.events[at]! })));
    case "alter":
      return reserialize((b) => void (b.events.length > 0 && (b.events[at]!.actor += "!")));
    case "alter-rehash":
      events = [...events];
      return reserialize((b) => void (b.events.length > 0 && (b.events[at] = rehash({ ...b.events[at]!, data: { changed: 1 } }))));
    case "key-field":
      return reserialize((b) => void (b.keys.length > 0 && (b.keys[tamper.at % b.keys.length]!.scope = "full")));
    case "signature":
      return reserialize((b) => void (b.signature = Buffer.alloc(64, 7).toString("base64")));
    case "head":
      return reserialize((b) => void (b.head = { seq: b.head.seq + 1, hash: b.head.hash }));
    case "whitespace":
    case "truncate":
    case "signed-whitespace": {
      const source = bytes.toString("utf8");
      const cut = 1 + (tamper.at % (source.length - 1));
      if (tamper.op === "truncate") return bytes.subarray(0, cut);
      const spaced = source.slice(0, cut) + " " + source.slice(cut);
      if (tamper.op === "whitespace") return Buffer.from(spaced, "utf8");
      // Non-canonical, but with a signature that matches its bytes: a verifier must not trust the signer's form.
      return signRawText(signer, spaced.replace(/,"signature":"[^"]*"/, ',"signature":"SIGNATURE-HERE"'));
    }
  }
}

const bundleArb = fc.tuple(fc.array(keyArb, { maxLength: 4 }), fc.array(draftArb, { maxLength: 12 }), tamperArb);

describe("canonical form is checked, not trusted", () => {
  it("refuses a validly signed bundle written with whitespace between members, in every verifier", async () => {
    const keys = [{ name: "a", description: "", scope: "read" as const }];
    const drafts: EventDraft[] = [{ at: "2026-02-01T00:00:00.000Z", type: "auth.denied", actor: "system", data: { count: 1, reason: "revoked_key" } }];
    const canonical = build(keys, drafts, { op: "none" }).toString("utf8");
    for (const spaced of [canonical.replace('"data":{"count":1,', '"data":{"count":1, '), canonical.replace('{"events":[{', '{"events":[ {'), canonical.replace('"keys":[{', '"keys": [{')]) {
      const bytes = signRawText(signer, spaced.replace(/,"signature":"[^"]*"/, ',"signature":"SIGNATURE-HERE"'));
      const reference = verifyBundleReference(bytes);
      expect(reference.problems).toEqual([expect.objectContaining({ kind: "malformed" })]);
      expect(verifyBundleBytes(bytes).problems).toEqual([expect.objectContaining({ kind: "malformed" })]);
      expect((await verifyAuditBundle(writeTemp(bytes), { workers: 1 })).problems).toEqual([expect.objectContaining({ kind: "malformed" })]);
    }
  });
});

describe("fast verifiers agree with the reference", () => {
  it("sequential (one thread)", () => {
    fc.assert(
      fc.property(bundleArb, ([keys, drafts, tamper]) => {
        const bytes = build(keys, drafts, tamper);
        const reference = verifyBundleReference(bytes);
        expect(comparable(verifyBundleBytes(bytes))).toEqual(comparable(reference));
        if (tamper.op === "none") expect(reference.valid).toBe(true);
        if (tamper.op === "whitespace" || tamper.op === "truncate") expect(reference.valid).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("parallel (worker threads, tiny ranges), which answers only valid bundles itself", async () => {
    await fc.assert(
      fc.asyncProperty(bundleArb, async ([keys, drafts, tamper]) => {
        const bytes = build(keys, drafts, tamper);
        const reference = verifyBundleReference(bytes);
        const file = writeTemp(bytes);
        expect(comparable(await verifyAuditBundle(file, { workers: 2, rangeBytes: 300, blockBytes: 700 }))).toEqual(comparable(reference));
        const handle = await open(file, "r");
        try {
          const fast = await verifyValidFast(handle, bytes.length, { workers: 1, rangeBytes: 300, blockBytes: 700 });
          if (fast !== null) expect(fast).toEqual(reference);
          // It declines only bundles that are not valid, or hold an event about as large as a block (the sequential verifier reads those).
          else if (reference.valid) expect(Math.max(...(JSON.parse(bytes.toString("utf8")) as { events: unknown[] }).events.map((event) => Buffer.byteLength(canonicalJson(event))))).toBeGreaterThan(700 - 12);
        } finally {
          await handle.close();
        }
      }),
      { numRuns: 30 },
    );
    // Each run starts worker threads three times: allow for a busy machine.
  }, 180_000);
});
