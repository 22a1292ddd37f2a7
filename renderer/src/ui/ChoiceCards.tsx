/**
 * A set of radio choices drawn as cards with a title and a hint: revoke reasons, revoke timings.
 * Neutral colours: choosing is not an error, and only the final button of a destructive form is red.
 * With no value, nothing is preselected: the user must choose.
 */
import { useId, type Ref } from "react";

export type Choice<T extends string> = { value: T; title: string; hint: string };

type ChoiceCardsProps<T extends string> = {
  legend: string;
  choices: readonly Choice<T>[];
  value: T | null | undefined;
  onChange: (value: T) => void;
  error?: string | undefined;
  /** The first radio, so a form can put focus there. */
  firstRef?: Ref<HTMLInputElement>;
};

export function ChoiceCards<T extends string>({ legend, choices, value, onChange, error, firstRef }: ChoiceCardsProps<T>) {
  const id = useId();
  return (
    <fieldset className="field" aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend className="field-label">{legend}</legend>
      <div className="choice-cards">
        {choices.map((choice, index) => (
          <label key={choice.value} className="choice-card">
            <input
              ref={index === 0 ? firstRef : undefined}
              type="radio"
              name={`${id}-choice`}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-labelledby={`${id}-${choice.value}-title`}
              aria-describedby={`${id}-${choice.value}-hint`}
            />
            <span id={`${id}-${choice.value}-title`} className="choice-card-title">
              {choice.title}
            </span>
            <span className="muted choice-card-hint" id={`${id}-${choice.value}-hint`}>
              {choice.hint}
            </span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
