/** Subscribes a component to one main-process event for as long as it is mounted. */
import { useEffect, useRef } from "react";
import type { EventName, EventPayload } from "../../../shared/ipc/contract";

export function useKeywardEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  // The latest listener is read through a ref so that re-renders do not resubscribe.
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    const bridge = window.keyward;
    if (!bridge) return undefined;
    return bridge.on(event, (payload) => latest.current(payload));
  }, [event]);
}
