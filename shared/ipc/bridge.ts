/**
 * The shape of `window.keyward`: grouped by domain, one function per channel, generated from the
 * contract. Every call answers an IpcResult; `unwrap` turns it into a value or a thrown IpcError.
 */
import { CHANNEL_NAMES, type ChannelName, type Contract, type EventName, type EventPayload, type InputOf, type OutputOf } from "./contract";
import { IpcError, type IpcResult } from "./errors";

export type KeywardBridge = {
  [D in keyof Contract]: {
    [M in keyof Contract[D] & string]: `${D & string}.${M}` extends infer N extends ChannelName
      ? (input: InputOf<N>) => Promise<IpcResult<OutputOf<N>>>
      : never;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Builds the grouped object from a single `invoke`, for the preload and the browser harness alike. */
export function buildBridge(
  invoke: (channel: ChannelName, input: unknown) => Promise<IpcResult<unknown>>,
  subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void,
): KeywardBridge {
  const bridge: Record<string, Record<string, (input: unknown) => Promise<IpcResult<unknown>>>> = {};
  for (const name of CHANNEL_NAMES) {
    const [domain, method] = name.split(".") as [string, string];
    bridge[domain] ??= {};
    bridge[domain][method] = (input: unknown) => invoke(name, input);
  }
  const on = (event: EventName, listener: (payload: unknown) => void) => subscribe(event, listener);
  return Object.freeze({ ...Object.fromEntries(Object.entries(bridge).map(([key, group]) => [key, Object.freeze(group)])), on }) as unknown as KeywardBridge;
}

export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new IpcError(result.error.code, result.error.message, result.error.apiCode);
}
