/** Small schemas the channel files share. */
import { z } from "zod";

export const NoInput = z.undefined();
export const Time = z.iso.datetime({ offset: false });
export const Id = z.string().min(1).max(100);
export const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
