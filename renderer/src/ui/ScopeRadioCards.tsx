/**
 * Scope as radio cards. Each radio is named by its title alone ("Read-only") and described by what
 * it allows, so a screen reader hears a short name and then what it means.
 */
import { useId } from "react";
import { SCOPES, type Scope } from "../../../shared/api/schemas";
import { SCOPE_DESCRIPTIONS, SCOPE_LABELS } from "../../../shared/domain/scopes";

type ScopeRadioCardsProps = {
  value: Scope;
  onChange: (scope: Scope) => void;
  /** When rescoping: the scope the key has now, tagged "Current" (in the description, so the radio's name stays its title). */
  current?: Scope;
  name?: string;
};

export function ScopeRadioCards({ value, onChange, current, name }: ScopeRadioCardsProps) {
  const id = useId();
  return (
    <fieldset className="field scope-fieldset">
      <legend className="field-label">Scope</legend>
      <p className="field-hint" id={`${id}-nudge`}>
        Choose the narrowest scope that does the job: a reporting dashboard does not need write access.
      </p>
      <div className="radio-cards">
        {SCOPES.map((scope) => (
          <label key={scope} className={`radio-card scope-card-${scope}`} data-checked={value === scope || undefined}>
            <input
              type="radio"
              name={name ?? `${id}-scope`}
              value={scope}
              checked={value === scope}
              onChange={() => onChange(scope)}
              aria-labelledby={`${id}-${scope}-title`}
              aria-describedby={`${scope === current ? `${id}-current ` : ""}${id}-${scope}-text`}
            />
            <span className="radio-card-body">
              <span className="radio-card-heading">
                <span className="radio-card-title" id={`${id}-${scope}-title`}>
                  {SCOPE_LABELS[scope]}
                </span>
                {scope === current ? (
                  <span className="badge badge-current" id={`${id}-current`}>
                    Current scope
                  </span>
                ) : null}
              </span>
              <span className="radio-card-text" id={`${id}-${scope}-text`}>
                {SCOPE_DESCRIPTIONS[scope].allows} {SCOPE_DESCRIPTIONS[scope].forWhat}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
