/** A select with its label beside it (the keys table's filters). */
export function LabeledSelect<T extends string>({ label, value, options, onChange, title }: { label: string; value: T; options: readonly { value: T; label: string }[]; onChange: (value: T) => void; title?: string }) {
  return (
    <label className="select-label">
      <span>{label}</span>
      <select className="select" value={value} title={title} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
