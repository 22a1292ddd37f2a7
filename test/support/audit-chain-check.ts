/** Checks an audit chain from the contract alone (API.md): seq 1..n, each prevHash the hash before, each hash recomputed with JCS. */
import { createHash } from "node:crypto";
import { expect } from "vitest";
import type { AuditEvent } from "../../shared/api/schemas";

export function jcs(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jcs).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${jcs((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function expectOneChain(events: AuditEvent[]): void {
  let prev = "0".repeat(64);
  events.forEach((event, index) => {
    expect(event.seq).toBe(index + 1);
    expect(event.prevHash).toBe(prev);
    const { hash, ...rest } = event;
    expect(createHash("sha256").update(prev + jcs(rest)).digest("hex")).toBe(hash);
    prev = hash;
  });
}
