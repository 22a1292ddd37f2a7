/** Turns whatever a bridge call threw into words for the user, and keeps the stable code for decisions. */
import { IpcError, type IpcErrorCode } from "../../../shared/ipc/errors";

export type UserError = { code: IpcErrorCode | "unexpected"; message: string };

export function toUserError(error: unknown): UserError {
  if (error instanceof IpcError) return { code: error.code, message: error.message };
  if (error instanceof Error && error.name === "BridgeMissingError") return { code: "unexpected", message: error.message };
  // Anything else is a bug or a broken bridge; its own text is rarely meaningful to a user.
  return { code: "unexpected", message: "Something went wrong. Try again; if it keeps happening, restart Keyward." };
}

export function errorMessage(error: unknown): string {
  return toUserError(error).message;
}
