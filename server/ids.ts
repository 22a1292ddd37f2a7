/**
 * Opaque, unguessable ids with a readable prefix naming what they identify. They sort by creation:
 * a base-62 millisecond time, then a counter for ids made in the same millisecond, then 12 random
 * characters, so lists ordered by (created_at, id) keep creation order even within a millisecond.
 */
import { encodeBase62, randomBase62 } from "../shared/credential/base62";

export type IdPrefix = "key" | "atk" | "fb" | "ann" | "usr" | "ws";

let lastMs = 0;
let counter = 0;

export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  if (now === lastMs) {
    counter++;
  } else {
    lastMs = now;
    counter = 0;
  }
  return `${prefix}_${encodeBase62(now, 8)}${encodeBase62(counter, 3)}${randomBase62(12)}`;
}
