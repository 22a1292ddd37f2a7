/** A time shown relative to now ("3 minutes ago"), with the exact date on hover and for screen readers' <time>. */
import { useNow } from "./clock";
import { formatAbsolute, formatRelative } from "./format";

export function RelativeTime({ iso, prefix, className }: { iso: string; prefix?: string; className?: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatAbsolute(iso)} className={className}>
      {prefix ? `${prefix} ` : ""}
      {formatRelative(iso, now)}
    </time>
  );
}
