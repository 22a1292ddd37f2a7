/** The export writes events with its own serializer, for speed: it must be canonicalJson exactly. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalEvent } from "../../../server/audit/export-bundle";
import type { AuditEvent } from "../../../shared/api/schemas";
import { canonicalJson } from "../../../shared/canonical-json";

const text = fc.string({ unit: "binary", maxLength: 10 });
const hex = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 });

describe("canonicalEvent", () => {
  it("equals canonicalJson for any event", () => {
    const event = fc.record(
      {
        seq: fc.integer({ min: 1, max: 2 ** 40 }),
        at: text,
        type: text,
        actor: text,
        keyId: text,
        data: fc.dictionary(text, fc.jsonValue({ maxDepth: 3 })) as fc.Arbitrary<Record<string, unknown>>,
        prevHash: hex,
        hash: hex,
      },
      { requiredKeys: ["seq", "at", "type", "actor", "data", "prevHash", "hash"] },
    );
    fc.assert(
      fc.property(event, (e: AuditEvent) => {
        expect(canonicalEvent(e)).toBe(canonicalJson(e));
      }),
      { numRuns: 2000 },
    );
  });
});
