/**
 * Names the first place where a bundle's events stop being the server's hash chain (seq 1, 2, 3…,
 * each event's prevHash the hash of the one before, the first's 64 zeros, each hash that of its own
 * content), and says what most plausibly happened there: an event missing, altered, inserted, out
 * of order, a link broken by a recomputed hash, or a head that is not the chain's end.
 */
import type { ChainHead } from "../../../shared/api/schemas";
import { GENESIS_HASH } from "../../../shared/audit-chain";
import type { ChainProblem } from "./result";

export interface ChainFacts {
  count: number;
  seq(i: number): number;
  prevHash(i: number): string;
  /** The hash written in the event. */
  hash(i: number): string;
  /** The hash of the event's content (prevHash followed by the event without its hash). */
  computed(i: number): string;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;
const events = (from: number, to: number) => (from === to ? `Event ${from} is` : `Events ${from} to ${to} are`);

export function diagnoseChain(facts: ChainFacts, head: ChainHead): ChainProblem | null {
  let expectedSeq = 1;
  let expectedPrev = GENESIS_HASH;
  for (let i = 0; i < facts.count; i++) {
    const sound = facts.seq(i) === expectedSeq && facts.prevHash(i) === expectedPrev && facts.hash(i) === facts.computed(i);
    if (!sound) return classify(facts, head, i, expectedSeq, expectedPrev);
    expectedSeq++;
    expectedPrev = facts.hash(i);
  }
  const lastSeq = expectedSeq - 1;
  if (head.seq === lastSeq && head.hash === expectedPrev) return null;
  if (head.seq > lastSeq) {
    return {
      kind: "missing",
      seq: lastSeq + 1,
      position: 0,
      expected: `events up to ${head.seq}`,
      found: lastSeq === 0 ? "no event" : `the last event is ${lastSeq}`,
      message: `${events(lastSeq + 1, head.seq)} missing at the end: the chain stops at event ${lastSeq}, but the signed head is event ${head.seq}.`,
    };
  }
  if (head.seq < lastSeq) {
    return {
      kind: "inserted",
      seq: head.seq + 1,
      position: head.seq + 1,
      expected: `the chain ends at the signed head, event ${head.seq}`,
      found: `${lastSeq - head.seq} more event(s), up to ${lastSeq}`,
      message: `${events(head.seq + 1, lastSeq).replace(/ are$| is$/, "")} ${lastSeq > head.seq + 1 ? "were" : "was"} added after the signed head (event ${head.seq}).`,
    };
  }
  return {
    kind: "head_mismatch",
    seq: head.seq,
    position: 0,
    expected: head.hash,
    found: expectedPrev,
    message: `The signed head says event ${head.seq} has hash ${short(head.hash)}, but the chain's event ${head.seq} has hash ${short(expectedPrev)}.`,
  };
}

function classify(facts: ChainFacts, head: ChainHead, i: number, expectedSeq: number, expectedPrev: string): ChainProblem {
  const seq = facts.seq(i);
  const position = i + 1;
  const hashOk = facts.hash(i) === facts.computed(i);
  const next = i + 1 < facts.count ? i + 1 : -1;
  const nextIsGenuine = next >= 0 && facts.seq(next) === expectedSeq && facts.prevHash(next) === expectedPrev && facts.hash(next) === facts.computed(next);
  // Another event where this one belongs: which kind, and what to say.
  const misplaced = (kind: "out_of_order" | "missing", message: string): ChainProblem => ({ kind, seq: expectedSeq, position, expected: `event ${expectedSeq}`, found: `event ${seq}`, message });

  // A later event that belongs here: events swapped or moved (checked before insertion, which a swap resembles).
  const later = seq > expectedSeq ? findSeq(facts, expectedSeq, i + 1) : -1;
  if (later >= 0) {
    return misplaced("out_of_order", `Events are out of order: position ${position} holds event ${seq}, where event ${expectedSeq} belongs; event ${expectedSeq} is at position ${later + 1}.`);
  }
  if (nextIsGenuine || (seq > head.seq && expectedSeq === head.seq + 1)) {
    return {
      kind: "inserted",
      seq,
      position,
      expected: expectedSeq === head.seq + 1 ? `no event after the signed head (event ${head.seq})` : `event ${expectedSeq}`,
      found: `an event that claims seq ${seq}`,
      message: nextIsGenuine
        ? `An event was inserted at position ${position} (it claims seq ${seq}): the next event, ${expectedSeq}, links straight to event ${expectedSeq - 1}.`
        : `An event was added after the signed head (event ${head.seq}) at position ${position}; it claims seq ${seq}.`,
    };
  }
  if (!hashOk) {
    return {
      kind: "altered",
      seq,
      position,
      expected: facts.hash(i),
      found: facts.computed(i),
      message:
        `Event ${seq} (position ${position}) was altered: its content hashes to ${short(facts.computed(i))}, not to the hash written with it (${short(facts.hash(i))}).` +
        (seq !== expectedSeq ? ` Event ${expectedSeq} was expected there.` : ""),
    };
  }
  if (seq > expectedSeq) {
    if (facts.prevHash(i) === expectedPrev) {
      return {
        kind: "altered",
        seq,
        position,
        expected: `seq ${expectedSeq}`,
        found: `seq ${seq}`,
        message: `Event ${expectedSeq} (position ${position}) was renumbered to ${seq} and its hash recomputed: it still links to event ${expectedSeq - 1}.`,
      };
    }
    return misplaced(
      "missing",
      expectedSeq === 1
        ? `${events(1, seq - 1)} missing: the chain starts at event ${seq}, whose prevHash (${short(facts.prevHash(i))}) is not the 64 zeros of a first event.`
        : `${events(expectedSeq, seq - 1)} missing: event ${expectedSeq - 1} is followed by event ${seq} (position ${position}), whose prevHash (${short(facts.prevHash(i))}) is not the hash of event ${expectedSeq - 1} (${short(expectedPrev)}).`,
    );
  }
  if (seq < expectedSeq) {
    return misplaced("out_of_order", `Events are out of order: position ${position} holds event ${seq} again, after event ${expectedSeq - 1}, where event ${expectedSeq} belongs.`);
  }
  return {
    kind: "broken_link",
    seq,
    position,
    expected: expectedPrev,
    found: facts.prevHash(i),
    message:
      seq === 1
        ? `Event 1 does not start the chain: its prevHash is ${short(facts.prevHash(i))}, not 64 zeros; it was changed and its hash recomputed.`
        : `Event ${seq} does not link to event ${seq - 1}: its prevHash is ${short(facts.prevHash(i))}, but event ${seq - 1} hashes to ${short(expectedPrev)}. One of them was changed and its hash recomputed.`,
  };
}

function findSeq(facts: ChainFacts, seq: number, from: number): number {
  for (let j = from; j < facts.count; j++) if (facts.seq(j) === seq) return j;
  return -1;
}
