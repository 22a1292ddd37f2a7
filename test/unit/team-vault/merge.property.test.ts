/**
 * Properties of the merge of two copies edited apart (real keys, real signatures, in memory):
 * the result does not depend on which side merges, nothing changed on either side is lost, a
 * deletion is kept unless the other side changed the entry, and merging again changes nothing.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { Draft, newVaultState } from "../../../core/team-vault/changes";
import { cardOf, createIdentity, type MemberIdentity } from "../../../core/team-vault/identity";
import { newKeys } from "../../../core/team-vault/keys";
import { mergeStates } from "../../../core/team-vault/merge";
import { readFull } from "../../../core/team-vault/read";
import type { TeamState } from "../../../core/team-vault/state";

let alice: MemberIdentity;
let bob: MemberIdentity;
let base: TeamState;
const T0 = Date.parse("2025-01-01T00:00:00.000Z");
const at = (i: number) => new Date(T0 + 60_000 + i * 1000).toISOString();
const SLOTS = 5;

beforeAll(async () => {
  alice = await createIdentity("Alice");
  bob = await createIdentity("Bob");
  const draft = new Draft(newVaultState(alice, "T", new Date(T0).toISOString(), newKeys()), alice, new Date(T0 + 1000).toISOString());
  draft.addMember(cardOf(bob));
  for (let slot = 0; slot < 3; slot++) draft.addEntry({ id: `e${slot}`, kind: "note", label: `base ${slot}`, secret: `base-secret-${slot}`, meta: undefined });
  base = draft.finish();
});

type Op = { kind: "add" | "label" | "secret" | "delete"; slot: number };
const opArb: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom("add", "label", "secret", "delete"), slot: fc.integer({ min: 0, max: SLOTS - 1 }) });

/** Applies ops as separate saves by `who`; ops that do not apply (entry missing or present) are skipped. */
function edit(state: TeamState, who: MemberIdentity, side: string, ops: readonly Op[]): TeamState {
  ops.forEach((op, i) => {
    const draft = new Draft(state, who, at(i));
    const id = `e${op.slot}`;
    const live = state.records.get(id)?.deleted === false;
    if (op.kind === "add" ? live : !live) return;
    if (op.kind === "add") draft.addEntry({ id, kind: "note", label: `${side} added ${i}`, secret: `${side}-new-${i}`, meta: undefined });
    if (op.kind === "label") draft.patchEntry(id, { kind: undefined, label: `${side} label ${i}`, meta: undefined });
    if (op.kind === "secret") draft.replaceSecret(id, `${side}-secret-${i}`, 20);
    if (op.kind === "delete") draft.deleteEntry(id);
    state = draft.finish();
  });
  return state;
}

function merged(local: TeamState, remote: TeamState, who: MemberIdentity): TeamState {
  const result = mergeStates(local, remote, who, at(100));
  return result.kind === "merged" ? result.draft.finish() : result.state;
}

/** What a user sees: every live entry with its content. */
function view(state: TeamState): string[] {
  return [...state.records.values()]
    .filter((r) => !r.deleted)
    .map((r) => {
      const e = readFull(state, r.id);
      return JSON.stringify([e.id, e.label, e.secret, e.history.map((h) => h.secret), e.conflictOf ?? null, e.updatedAt]);
    })
    .sort();
}

const changedOn = (side: TeamState, id: string) => {
  const record = side.records.get(id);
  return record !== undefined && !base.history.has(record.version) ? record : null;
};

describe("merging two copies edited apart", () => {
  it("is commutative, loses no change, keeps deletions and is idempotent", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 6 }), fc.array(opArb, { maxLength: 6 }), (opsA, opsB) => {
        const a = edit(base, alice, "A", opsA);
        const b = edit(base, bob, "B", opsB);
        const ab = merged(a, b, alice);
        const ba = merged(b, a, bob);
        expect(view(ab)).toEqual(view(ba));

        const contents = view(ab).map((line) => JSON.parse(line) as [string, string, string, string[], string | null]);
        for (let slot = 0; slot < SLOTS; slot++) {
          const id = `e${slot}`;
          const [onA, onB] = [changedOn(a, id), changedOn(b, id)];
          // Every version written on either side is still there, under its id or as a conflict copy of it.
          for (const [side, record] of [[a, onA], [b, onB]] as const) {
            if (!record || record.deleted) continue;
            const content = readFull(side, id);
            expect(contents.some(([cid, label, secret, , of]) => (cid === id || of === id) && label === content.label && secret === content.secret)).toBe(true);
          }
          // A deletion holds unless the other side changed the entry too.
          const deletedOnOneSideOnly = (onA?.deleted && !onB) || (onB?.deleted && !onA);
          if (deletedOnOneSideOnly) expect(contents.some(([cid]) => cid === id)).toBe(false);
        }
        expect(mergeStates(ab, a, alice, at(200)).kind).toBe("included");
        expect(view(merged(ab, b, alice))).toEqual(view(ab));
      }),
      { numRuns: 100 },
    );
  });

  it("merging three copies gives the same entries in any order", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 4 }), fc.array(opArb, { maxLength: 4 }), fc.array(opArb, { maxLength: 4 }), (o1, o2, o3) => {
        const [x, y, z] = [edit(base, alice, "X", o1), edit(base, bob, "Y", o2), edit(base, alice, "Z", o3)];
        const left = merged(merged(x, y, alice), z, alice);
        const right = merged(x, merged(z, y, bob), bob);
        expect(view(left)).toEqual(view(right));
      }),
      { numRuns: 50 },
    );
  });
});
