/** A fingerprint as 8 groups of 4 hex digits, spaced for reading aloud; a narrow column breaks it in the middle only. */
export function Fingerprint({ value }: { value: string }) {
  const groups = value.split(" ");
  const half = Math.ceil(groups.length / 2);
  return (
    <code className="fingerprint">
      <span>{groups.slice(0, half).join(" ")}</span> <span>{groups.slice(half).join(" ")}</span>
    </code>
  );
}
