/**
 * The connected workspace's keys, loaded for every screen (findings, scans and the team vault show
 * keys too): each time a workspace becomes connected, and every minute while the window is visible,
 * since "last used" is only as fresh as the list.
 */
import { useEffect } from "react";
import { useKeysStore } from "../features/inventory";
import { useConnectedWorkspace } from "../features/workspaces";

const KEYS_REFRESH_MS = 60_000;

export function useKeysLoader(): void {
  const connectedId = useConnectedWorkspace()?.id ?? null;
  const load = useKeysStore((state) => state.load);

  useEffect(() => {
    if (connectedId) void load(connectedId);
  }, [connectedId, load]);

  useEffect(() => {
    if (!connectedId) return undefined;
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void load(connectedId);
    }, KEYS_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [connectedId, load]);
}
