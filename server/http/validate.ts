/** Turns zod failures into `invalid_request` errors whose message names the field. */
import type { z } from "zod";
import { ApiError } from "./api-error";

export function validate<T extends z.ZodType>(schema: T, input: unknown, where: "body" | "query"): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  let message: string;
  if (issue.code === "unrecognized_keys") {
    message = `Unknown field${issue.keys.length > 1 ? "s" : ""} in ${where}: ${issue.keys.join(", ")}.`;
  } else if (issue.path.length === 0) {
    message = `The ${where} is invalid: ${issue.message}.`;
  } else {
    message = `${where}.${issue.path.join(".")}: ${issue.message}.`;
  }
  throw new ApiError("invalid_request", message);
}
