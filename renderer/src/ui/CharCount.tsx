/** "23 / 100" beside a limited text field, announced as it changes: the limit is visible before it is reached. */
export function CharCount({ length, max }: { length: number; max: number }) {
  return (
    <span className={`char-count${length > max ? " char-count-over" : ""}`} aria-live="polite">
      {length} / {max}
    </span>
  );
}
