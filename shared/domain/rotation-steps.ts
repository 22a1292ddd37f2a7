/**
 * A rotation's steps as a state machine, once: the guide's four steps, which ones a rotation in
 * progress can be at, and which moves are allowed. The main process refuses any other move, and
 * the wizard draws its buttons from the same table.
 *
 *   generate (step 1, done when the rotation starts) -> update -> verify -> revoke -> (finished)
 *   back: verify -> update, revoke -> verify. Cancel is allowed from every step.
 */
import { z } from "zod";

export const ROTATION_STEPS = ["update", "verify", "revoke"] as const;
export const RotationStep = z.enum(ROTATION_STEPS);
export type RotationStep = z.infer<typeof RotationStep>;

export const ROTATION_TRANSITIONS: Readonly<Record<RotationStep, readonly RotationStep[]>> = {
  update: ["verify"],
  verify: ["update", "revoke"],
  revoke: ["verify"],
};

/** The step from which the old key is retired (revoked now, or after a grace period). */
export const FINISHING_STEP: RotationStep = "revoke";

export function canMoveRotation(from: RotationStep, to: RotationStep): boolean {
  return ROTATION_TRANSITIONS[from].includes(to);
}

/** The guide's four steps, numbered as the wizard shows them. */
export const STEP_TITLES = ["Generate", "Update the integration", "Verify", "Revoke the old key"] as const;
export const STEP_NUMBER = { generate: 1, update: 2, verify: 3, revoke: 4 } as const satisfies Record<"generate" | RotationStep, number>;
