/**
 * Scope as radio cards. Each radio is named by its title alone ("Read-only") and described by its
 * explanation, so a screen reader hears a short name and then what it means.
 */
import { useId } from "react";
import type { Scope } from "../../../../../shared/api/schemas";
import { SCOPE_OPTIONS } from "./scope-options";

type ScopeRadioCardsProps = {
  value: Scope;
  onChange: (scope: Scope) => void;
  /** When rescoping: the scope the key has now, tagged "Current" (in the description, so the radio's name stays its title). */
  current?: Scope;
};

export function ScopeRadioCards({ value, onChange, current }: ScopeRadioCardsProps) {
  const id = useId();
  return (
    <fieldset className="field scope-fieldset">
      <legend className="field-label">Scope</legend>
      <p className="field-hint" id={`${id}-nudge`}>
        Choose the narrowest scope that does the job: a reporting dashboard does not need write access.
      </p>
      <div className="radio-cards">
        {SCOPE_OPTIONS.map((option) => (
          <label key={option.scope} className={`radio-card scope-card-${option.scope}`} data-checked={value === option.scope || undefined}>
            <input
              type="radio"
              name={`${id}-scope`}
              value={option.scope}
              checked={value === option.scope}
              onChange={() => onChange(option.scope)}
              aria-labelledby={`${id}-${option.scope}-title`}
              aria-describedby={`${option.scope === current ? `${id}-current ` : ""}${id}-${option.scope}-text`}
            />
            <span className="radio-card-body">
              <span className="radio-card-heading">
                <span className="radio-card-title" id={`${id}-${option.scope}-title`}>
                  {option.title}
                </span>
                {option.scope === current ? (
                  <span className="badge badge-current" id={`${id}-current`}>
                    Current scope
                  </span>
                ) : null}
              </span>
              <span className="radio-card-text" id={`${id}-${option.scope}-text`}>
                {option.allows} {option.forWhat}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
