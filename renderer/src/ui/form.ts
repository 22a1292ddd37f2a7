/**
 * The one way to build a form: react-hook-form, validated with a schema of the IPC contract (or of
 * shared/domain), so every bound the form shows is the one the main process checks. Every field's
 * message shows at once under its field, as the user leaves it and on submit.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";

export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  mode: "onTouched" | "onChange" = "onTouched",
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema as never) as never, defaultValues, mode, criteriaMode: "firstError" });
}

/** The message of a field's first error, for `<Field error=…>`. */
export function fieldError(errors: Record<string, { message?: string | undefined } | undefined>, name: string): string | null {
  return errors[name]?.message ?? null;
}
