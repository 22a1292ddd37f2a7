/**
 * The one entry point of every IPC call, in Electron and in the harness alike: find the channel in
 * the contract, validate the input with its schema, run the handler, and answer an IpcResult.
 * Nothing thrown crosses the boundary; unexpected errors are reported without their details (which
 * could hold a secret) and logged by the caller.
 */
import { channelSchemas, type ChannelName } from "../../shared/ipc/contract";
import { IpcError, type IpcResult } from "../../shared/ipc/errors";
import type { HandlerTable } from "./handlers";

export async function dispatch(table: HandlerTable, channel: string, rawInput: unknown, onUnexpected: (error: unknown) => void = () => {}): Promise<IpcResult<unknown>> {
  const schemas = channelSchemas(channel);
  if (!schemas || !Object.hasOwn(table, channel)) {
    return { ok: false, error: { code: "unknown_channel", message: `There is no channel "${channel}".` } };
  }
  const parsed = schemas.input.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return { ok: false, error: { code: "invalid_input", message: `${where}${issue.message}` } };
  }
  try {
    const handler = table[channel as ChannelName] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value: schemas.output.parse(value) };
  } catch (error) {
    if (error instanceof IpcError) return { ok: false, error: error.toShape() };
    onUnexpected(error);
    return { ok: false, error: { code: "internal", message: "Something went wrong in Keyward. The details are in its log." } };
  }
}
