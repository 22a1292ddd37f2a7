/** What each scope allows, in the guide's words, so people pick by what the integration does. */
import type { Scope } from "../../../../../shared/api/schemas";

export const SCOPE_OPTIONS: { scope: Scope; title: string; allows: string; forWhat: string }[] = [
  { scope: "read", title: "Read-only", allows: "Fetch feedback, announcements and users.", forWhat: "For dashboards and reporting tools." },
  { scope: "write", title: "Read and write", allows: "Create and change feedback, announcements and users.", forWhat: "For integrations that create feedback or update statuses." },
  { scope: "full", title: "Full access", allows: "Everything, including workspace settings.", forWhat: "Reserve for trusted internal tools." },
];
