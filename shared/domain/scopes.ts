/** The three scopes in words, once: the guide's names, what each allows, and what it is for. */
import type { Scope } from "../api/schemas";

export const SCOPE_RANK: Record<Scope, number> = { read: 0, write: 1, full: 2 };

export const SCOPE_LABELS: Record<Scope, string> = { read: "Read-only", write: "Read and write", full: "Full access" };

export const SCOPE_DESCRIPTIONS: Record<Scope, { allows: string; forWhat: string }> = {
  read: { allows: "Fetch feedback, announcements and users.", forWhat: "For dashboards and reporting tools." },
  write: { allows: "Create and change feedback, announcements and users.", forWhat: "For integrations that create feedback or update statuses." },
  full: { allows: "Everything, including workspace settings.", forWhat: "Reserve for trusted internal tools." },
};

export function scopeLabel(scope: Scope): string {
  return SCOPE_LABELS[scope];
}

/** Whether `scope` grants everything `needed` does. */
export function scopeCovers(scope: Scope, needed: Scope): boolean {
  return SCOPE_RANK[scope] >= SCOPE_RANK[needed];
}
