/**
 * When the signature fails but the event chain is intact, the events can still point at what was
 * changed in the inventory: a key's scope, environment or display form never change after its
 * key.created event, every key has such an event, and every created key is in the inventory.
 */
import type { ApiKey } from "../../../shared/api/schemas";

export interface CreatedEvent {
  seq: number;
  keyId: string;
  data: unknown;
}

const FIXED = ["scope", "environment", "display"] as const;

export function inventoryHints(keys: readonly ApiKey[], created: readonly CreatedEvent[]): string[] {
  const hints: string[] = [];
  const events = new Map(created.map((event) => [event.keyId, event]));
  const inventory = new Set<string>();
  for (const key of keys) {
    inventory.add(key.id);
    const event = events.get(key.id);
    if (!event) {
      hints.push(`Key ${key.id} ("${key.name}") is in the inventory, but no event created it: it was probably added after signing.`);
      continue;
    }
    const data = (event.data ?? {}) as Record<string, unknown>;
    for (const field of FIXED) {
      if (field in data && data[field] !== key[field]) {
        hints.push(`Key ${key.id} ("${key.name}"): its ${field} is ${JSON.stringify(key[field])} in the inventory, but its key.created event (seq ${event.seq}) says ${JSON.stringify(data[field])}.`);
      }
    }
  }
  for (const event of created) {
    if (!inventory.has(event.keyId)) hints.push(`Key ${event.keyId}, created by event ${event.seq}, is not in the inventory: it was probably removed after signing.`);
  }
  return hints;
}
