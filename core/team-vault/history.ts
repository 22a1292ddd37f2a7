/*
 * The team vault's history: a hash-chained graph of signed events (a chain, with a merge event
 * wherever two copies of the file were joined), and the membership it implies.
 * Protects against: a changed, dropped or reordered event (every hash is recomputed and every
 * parent must come first), a change signed by someone who was not a member at that point, and a
 * member list that the signed history does not support. Does not protect against: a member who
 * holds the data key replacing the whole history with an older genuine one (see rollback.ts).
 */
import type { MemberRecord } from "./format";
import { eventHash, verifyEventSignature, type EventData, type TeamEvent } from "./events";
import { tampered } from "./errors";

export interface MemberAdd {
  member: MemberRecord;
  /** The add event (or the vault's first event, for its founder). */
  addHash: string;
  addedAt: string;
  addedBy: string;
}

/** Membership as seen at one event: every add observed, and the adds that were removed. */
interface MemberState {
  adds: Map<string, MemberAdd>;
  removed: Map<string, { at: string; by: string; hash: string }>;
}

interface PendingSignature {
  hash: string;
  sig: string;
  signer: MemberRecord;
}

function checkSignature({ hash, sig, signer }: PendingSignature): void {
  if (!verifyEventSignature(hash, sig, signer.signingKey)) throw tampered(`a change attributed to ${signer.name} does not carry their valid signature`);
}

const EMPTY_STATE: MemberState = { adds: new Map(), removed: new Map() };

function union(states: MemberState[]): MemberState {
  const distinct = [...new Set(states)];
  if (distinct.length === 1) return distinct[0]!;
  const adds = new Map<string, MemberAdd>();
  const removed = new Map<string, { at: string; by: string; hash: string }>();
  for (const state of distinct) {
    for (const [hash, add] of state.adds) adds.set(hash, add);
    for (const [hash, removal] of state.removed) if (!removed.has(hash)) removed.set(hash, removal);
  }
  return { adds, removed };
}

/** Live members of a state: an add that no observed removal names. Ties (a member added twice) go to the newest add. */
function liveMembers(state: MemberState): Map<string, MemberAdd> {
  const live = new Map<string, MemberAdd>();
  for (const [hash, add] of state.adds) {
    if (state.removed.has(hash)) continue;
    const current = live.get(add.member.id);
    if (!current || add.addedAt > current.addedAt || (add.addedAt === current.addedAt && hash > current.addHash)) live.set(add.member.id, add);
  }
  return live;
}

export class History {
  readonly events: TeamEvent[] = [];
  readonly hashes: string[] = [];
  readonly #index = new Map<string, number>();
  readonly #states: MemberState[] = [];
  readonly #children = new Set<string>();

  get head(): string {
    return this.hashes[this.hashes.length - 1]!;
  }

  get revision(): number {
    return this.events[this.events.length - 1]!.rev;
  }

  has(hash: string): boolean {
    return this.#index.has(hash);
  }

  get(hash: string): TeamEvent | undefined {
    const at = this.#index.get(hash);
    return at === undefined ? undefined : this.events[at];
  }

  /** Hashes of events no other event follows; a saved file has exactly one, its head. */
  heads(): string[] {
    return this.hashes.filter((hash) => !this.#children.has(hash));
  }

  /** Members at the newest event (or at `hash`). */
  members(hash = this.head): Map<string, MemberAdd> {
    return liveMembers(this.#stateAt(hash));
  }

  /** Members once the given heads are joined (what a merge of them will have). */
  membersAtHeads(hashes: readonly string[]): Map<string, MemberAdd> {
    return liveMembers(union(hashes.map((hash) => this.#stateAt(hash))));
  }

  /** Everyone ever added whose every add was removed, with the last removal. */
  formerMembers(): Map<string, { add: MemberAdd; removedAt: string; removedBy: string; removeHash: string }> {
    const state = this.#stateAt(this.head);
    const live = liveMembers(state);
    const former = new Map<string, { add: MemberAdd; removedAt: string; removedBy: string; removeHash: string }>();
    for (const [hash, add] of state.adds) {
      if (live.has(add.member.id)) continue;
      const removal = state.removed.get(hash)!;
      const current = former.get(add.member.id);
      if (!current || removal.at > current.removedAt) former.set(add.member.id, { add, removedAt: removal.at, removedBy: removal.by, removeHash: removal.hash });
    }
    return former;
  }

  /** Add events of a member that are still live (what a removal must name). */
  liveAddsOf(memberId: string): string[] {
    const state = this.#stateAt(this.head);
    return [...state.adds].filter(([hash, add]) => add.member.id === memberId && !state.removed.has(hash)).map(([hash]) => hash);
  }

  /** True when `ancestor` is `descendant` or comes before it in the graph. */
  isAncestor(ancestor: string, descendant: string): boolean {
    if (ancestor === descendant) return true;
    const target = this.#index.get(ancestor);
    if (target === undefined || !this.#index.has(descendant)) return false;
    const seen = new Set<string>([descendant]);
    const stack = [descendant];
    while (stack.length > 0) {
      const event = this.get(stack.pop()!)!;
      for (const parent of event.parents) {
        if (parent === ancestor) return true;
        // Parents always come earlier in the list, so nothing before `target` can lead to it.
        if (!seen.has(parent) && this.#index.get(parent)! > target) {
          seen.add(parent);
          stack.push(parent);
        }
      }
    }
    return false;
  }

  /**
   * Checks and appends one event: known parents, vault id, revision order, hash, and a signature
   * by a member of the state its parents agree on. With `deferred`, the signature check is left to
   * the caller (History.verify checks them all at the end, skipping those already checked).
   * Returns its hash.
   */
  append(event: TeamEvent, vaultId: string, deferred?: { hash: string; sig: string; signer: MemberRecord }[]): string {
    const hash = eventHash(event);
    if (this.#index.has(hash)) throw tampered("an event appears twice in its history");
    if (event.vaultId !== vaultId) throw tampered("its history holds an event of another team vault");
    const first = this.events.length === 0;
    if (first !== (event.type === "vault.create")) throw tampered("its history does not start with the vault's creation");
    if (first ? event.parents.length !== 0 : event.type === "merge" ? event.parents.length < 2 : event.parents.length !== 1) throw tampered("an event has the wrong number of predecessors");
    const parentStates: MemberState[] = [];
    for (const parent of event.parents) {
      const at = this.#index.get(parent);
      if (at === undefined) throw tampered("an event follows one that is not in its history");
      if (this.events[at]!.rev > event.rev) throw tampered("its history goes back in revision");
      parentStates.push(this.#states[at]!);
    }
    const before = first ? EMPTY_STATE : union(parentStates);
    const signer = first ? (event.data as EventData<"vault.create">).member : liveMembers(before).get(event.author)?.member;
    if (!signer || signer.id !== event.author) throw tampered(`a change is signed by someone who was not a member at that point`);
    if (deferred) deferred.push({ hash, sig: event.sig, signer });
    else checkSignature({ hash, sig: event.sig, signer });
    this.#index.set(hash, this.events.length);
    this.events.push(event);
    this.hashes.push(hash);
    this.#states.push(this.#apply(before, event, hash));
    for (const parent of event.parents) this.#children.add(parent);
    return hash;
  }

  #apply(before: MemberState, event: TeamEvent, hash: string): MemberState {
    if (event.type === "vault.create" || event.type === "member.add") {
      const { member } = event.data as EventData<"member.add">;
      const adds = new Map(before.adds).set(hash, { member, addHash: hash, addedAt: event.at, addedBy: event.author });
      return { adds, removed: before.removed };
    }
    if (event.type === "member.remove") {
      const { memberId, removes } = event.data as EventData<"member.remove">;
      const removed = new Map(before.removed);
      for (const addHash of removes) {
        if (before.adds.get(addHash)?.member.id !== memberId) throw tampered("a removal names a member addition it cannot have seen");
        removed.set(addHash, { at: event.at, by: event.author, hash });
      }
      return { adds: before.adds, removed };
    }
    return before;
  }

  #stateAt(hash: string): MemberState {
    return this.#states[this.#index.get(hash)!]!;
  }

  /** A copy to append to, sharing the (immutable) events and states. */
  clone(): History {
    const copy = new History();
    copy.events.push(...this.events);
    copy.hashes.push(...this.hashes);
    for (const [hash, at] of this.#index) copy.#index.set(hash, at);
    copy.#states.push(...this.#states);
    for (const child of this.#children) copy.#children.add(child);
    return copy;
  }

  /**
   * Builds and checks a history from stored events, in their stored (topological) order.
   * `verifiedHead`: a head this device checked before; the hash chain commits to all of its
   * ancestors, so their signatures are not checked again (what keeps large vaults fast to open).
   */
  static verify(events: readonly TeamEvent[], vaultId: string, verifiedHead?: string | null): History {
    const history = new History();
    if (events.length === 0) throw tampered("its history is empty");
    const pending: PendingSignature[] = [];
    for (const event of events) history.append(event, vaultId, pending);
    if (history.heads().length !== 1) throw tampered("its history has loose ends");
    const trusted = verifiedHead ? history.ancestorsOf(verifiedHead) : new Set<string>();
    for (const item of pending) if (!trusted.has(item.hash)) checkSignature(item);
    return history;
  }

  /** Every ancestor of `hash` (itself included): a device's already-verified part of a history. */
  ancestorsOf(hash: string): Set<string> {
    const seen = new Set<string>();
    if (!this.#index.has(hash)) return seen;
    const stack = [hash];
    seen.add(hash);
    while (stack.length > 0) {
      for (const parent of this.get(stack.pop()!)!.parents) {
        if (!seen.has(parent)) {
          seen.add(parent);
          stack.push(parent);
        }
      }
    }
    return seen;
  }
}
