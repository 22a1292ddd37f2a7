/**
 * The IPC contract: every channel between the renderer and the main process, with zod schemas for
 * its input and output (one file per domain in ./channels), and every event the main process
 * sends. The main process registers one handler per channel from this table, the preload builds
 * `window.keyward` from it, and the renderer's types come from it. A channel that is not here
 * does not exist.
 */
import { z } from "zod";
import { APP_CHANNELS, CLIPBOARD_CHANNELS, ClipboardStatus, PREFERENCE_CHANNELS } from "./channels/app";
import { AUDIT_CHANNELS, AUDIT_EVENTS } from "./channels/audit";
import { FINDING_CHANNELS } from "./channels/findings";
import { KEY_CHANNELS, SECRET_CHANNELS } from "./channels/keys";
import { Rotation, ROTATION_CHANNELS } from "./channels/rotation";
import { SCAN_CHANNELS, SCAN_EVENTS } from "./channels/scan";
import { TEAM_CHANNELS, TEAM_EVENTS } from "./channels/team";
import { VAULT_CHANNELS, VaultStatus } from "./channels/vault";
import { WORKSPACE_CHANNELS, WorkspaceState } from "./channels/workspaces";

export const IPC_CONTRACT_VERSION = 2;

export const CONTRACT = {
  app: APP_CHANNELS,
  workspaces: WORKSPACE_CHANNELS,
  keys: KEY_CHANNELS,
  secrets: SECRET_CHANNELS,
  clipboard: CLIPBOARD_CHANNELS,
  vault: VAULT_CHANNELS,
  rotation: ROTATION_CHANNELS,
  preferences: PREFERENCE_CHANNELS,
  findings: FINDING_CHANNELS,
  audit: AUDIT_CHANNELS,
  scan: SCAN_CHANNELS,
  team: TEAM_CHANNELS,
} as const;

export const EVENTS = {
  "vault.changed": VaultStatus.extend({ reason: z.enum(["manual", "idle", "suspend", "screen_lock", "quit", "unlocked", "created", "rekeyed"]).optional() }),
  "clipboard.changed": ClipboardStatus,
  "workspace.changed": WorkspaceState,
  "rotation.changed": z.array(Rotation),
  /** The user clicked a rotation reminder: open the rotate flow of this key. */
  "reminder.clicked": z.object({ keyId: z.string() }),
  /** Held secrets were dropped (their time ran out, or the vault locked): dialogs showing them say so. */
  "secrets.dropped": z.object({ handles: z.array(z.string()), reason: z.enum(["expired", "locked", "closed", "quit"]) }),
  ...AUDIT_EVENTS,
  ...SCAN_EVENTS,
  ...TEAM_EVENTS,
} as const;

export type Contract = typeof CONTRACT;
export type Domain = keyof Contract;
export type ChannelName = { [D in Domain]: `${D & string}.${keyof Contract[D] & string}` }[Domain];
export type EventName = keyof typeof EVENTS;

type ChannelOf<N extends ChannelName> = N extends `${infer D}.${infer M}`
  ? D extends Domain
    ? M extends keyof Contract[D]
      ? Contract[D][M]
      : never
    : never
  : never;

export type InputOf<N extends ChannelName> = ChannelOf<N> extends { input: infer I extends z.ZodType } ? z.input<I> : never;
export type ParsedInputOf<N extends ChannelName> = ChannelOf<N> extends { input: infer I extends z.ZodType } ? z.output<I> : never;
export type OutputOf<N extends ChannelName> = ChannelOf<N> extends { output: infer O extends z.ZodType } ? z.output<O> : never;
export type EventPayload<E extends EventName> = z.output<(typeof EVENTS)[E]>;

/** Every channel name, in contract order: the preload and the main process both iterate this. */
export const CHANNEL_NAMES: readonly ChannelName[] = Object.entries(CONTRACT).flatMap(([domain, channels]) =>
  Object.keys(channels).map((method) => `${domain}.${method}` as ChannelName),
);
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

export function channelSchemas(name: string): { input: z.ZodType; output: z.ZodType } | undefined {
  const [domain = "", method = "", ...rest] = name.split(".");
  const contract = CONTRACT as unknown as Record<string, Record<string, { input: z.ZodType; output: z.ZodType }>>;
  // Own properties only: "constructor.name" must not reach Object's prototype.
  if (rest.length > 0 || !Object.hasOwn(contract, domain) || !Object.hasOwn(contract[domain]!, method)) return undefined;
  return contract[domain]![method];
}

/** The IPC channel string for a contract channel (namespaced so nothing else can collide). */
export const ipcChannel = (name: string) => `keyward:${name}`;
export const ipcEventChannel = (name: string) => `keyward-event:${name}`;

export * from "./channels/app";
export * from "./channels/audit";
export * from "./channels/findings";
export * from "./channels/keys";
export * from "./channels/rotation";
export * from "./channels/scan";
export * from "./channels/team";
export * from "./channels/vault";
export * from "./channels/workspaces";
export { RotationStep, ROTATION_STEPS } from "../domain/rotation-steps";
