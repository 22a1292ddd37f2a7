/** The guide's four steps across the top of the wizard; the current one carries aria-current="step". */
import { STEP_TITLES } from "../../../../shared/domain/rotation-steps";
import { CheckIcon } from "../../ui/icons";

/** `current` is 1 to 4, or 5 once the rotation is complete. */
export function RotationStepper({ current }: { current: number }) {
  return (
    <ol className="stepper" aria-label="Rotation steps">
      {STEP_TITLES.map((title, index) => {
        const number = index + 1;
        const state = number < current ? "done" : number === current ? "current" : "todo";
        return (
          <li key={title} className={`stepper-item stepper-${state}`} aria-current={state === "current" ? "step" : undefined}>
            <span className="stepper-number" aria-hidden="true">
              {state === "done" ? <CheckIcon width={12} height={12} /> : number}
            </span>
            <span className="stepper-title">
              <span className="visually-hidden">Step {number}: </span>
              {title}
              {state === "done" ? <span className="visually-hidden"> (done)</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
