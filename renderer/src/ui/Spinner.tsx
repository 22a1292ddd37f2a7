/** A quiet loading indicator with words, so nobody stares at a spinner wondering what it waits for. */
export function Spinner({ label }: { label: string }) {
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
