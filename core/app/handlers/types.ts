/** The shape of the handler table, apart from the table itself so each domain's file can name it without importing the table. */
import type { ChannelName, OutputOf, ParsedInputOf } from "../../../shared/ipc/contract";

export type HandlerTable = { [N in ChannelName]: (input: ParsedInputOf<N>) => Promise<OutputOf<N>> };
/** The handlers of the channels whose names start with `prefix`. */
export type HandlersOf<Prefix extends string> = { [N in ChannelName as N extends `${Prefix}.${string}` ? N : never]: HandlerTable[N] };
