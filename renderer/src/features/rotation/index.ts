/** Rotation: the four-step wizard, the keys table's "Rotation due" cell, and rotations in progress. */
export { RotationDueCell } from "./RotationDueCell";
export { RotationWizard } from "./RotationWizard";
export { useRotationStore, type WizardMode } from "./rotation-store";
