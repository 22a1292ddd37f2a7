/**
 * The current screen, kept in the URL's hash (#/keys, #/findings, #/vault, …) so a reload stays on it.
 * Hash changes are in-page navigations: the main process's navigation guard never sees them.
 * The lowest layer of the renderer beside ipc/ and ui/: every feature may link to a screen.
 */
import { create } from "zustand";

export const ROUTES = ["keys", "findings", "scan", "audit", "team", "vault", "settings"] as const;
export type Route = (typeof ROUTES)[number];

function routeFromHash(): Route {
  const name = window.location.hash.replace(/^#\/?/, "");
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : "keys";
}

export const useRouteStore = create<{ route: Route }>()(() => ({ route: routeFromHash() }));

window.addEventListener("hashchange", () => useRouteStore.setState({ route: routeFromHash() }));

export function hrefFor(route: Route): string {
  return `#/${route}`;
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}
