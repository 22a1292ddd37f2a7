/**
 * The bar of long work (a scan, a bundle's download or verification). With a known total it fills
 * to `fraction` (0 to 1); without one a stripe moves along it, with no percentage, while the words
 * beside it say how far the work got. `valueText` is what a screen reader reads as its value.
 */
export function ProgressBar({ label, valueText, fraction = null }: { label: string; valueText: string; fraction?: number | null }) {
  const percent = fraction === null ? null : Math.round(Math.min(1, fraction) * 100);
  return (
    <div
      className={`progress-bar${percent === null ? " progress-bar-moving" : ""}`}
      role="progressbar"
      aria-label={label}
      aria-valuetext={valueText}
      {...(percent !== null ? { "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": percent } : {})}
    >
      <div className="progress-bar-fill" style={percent !== null ? { width: `${percent}%` } : undefined} />
    </div>
  );
}
