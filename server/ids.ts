/** Opaque, unguessable ids with a readable prefix naming what they identify. */
import { randomBase62 } from "../shared/credential/base62";

export type IdPrefix = "key" | "atk" | "fb" | "ann" | "usr" | "ws";

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase62(20)}`;
}
