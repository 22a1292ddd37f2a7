/**
 * The script the harness serves as /harness/bridge.js: it defines `window.keyward` in the page,
 * built from the contract's channel list like the preload's, over HTTP to the harness.
 */
import { CHANNEL_NAMES, EVENT_NAMES } from "../../shared/ipc/contract";

export function bridgeScript(): string {
  return `"use strict";
(() => {
  const channels = ${JSON.stringify(CHANNEL_NAMES)};
  const events = ${JSON.stringify(EVENT_NAMES)};
  const listeners = new Map(events.map((name) => [name, new Set()]));
  const source = new EventSource("/harness/events");
  for (const name of events) {
    source.addEventListener(name, (message) => {
      const payload = JSON.parse(message.data);
      for (const listener of listeners.get(name)) listener(payload);
    });
  }
  const invoke = async (channel, input) => {
    try {
      const response = await fetch("/harness/ipc/" + channel, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input === undefined ? {} : { input }),
      });
      return await response.json();
    } catch (error) {
      return { ok: false, error: { code: "internal", message: "The harness did not answer: " + error } };
    }
  };
  const bridge = {};
  for (const name of channels) {
    const [domain, method] = name.split(".");
    bridge[domain] ??= {};
    bridge[domain][method] = (input) => invoke(name, input);
  }
  for (const group of Object.values(bridge)) Object.freeze(group);
  bridge.on = (event, listener) => {
    const set = listeners.get(event);
    if (!set) throw new Error("Unknown event " + event);
    set.add(listener);
    return () => set.delete(listener);
  };
  Object.defineProperty(window, "keyward", { value: Object.freeze(bridge), writable: false, configurable: false });
})();
`;
}
