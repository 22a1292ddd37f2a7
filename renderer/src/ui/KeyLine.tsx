/** A key named the way people recognise it: its name and its display form, side by side. */
import type { ReactNode } from "react";

export function KeyLine({ name, display, children }: { name: string; display: string; children?: ReactNode }) {
  return (
    <p className="key-line">
      <span className="truncate" title={name}>
        {name}
      </span>
      {children}
      <code className="key-display">{display}</code>
    </p>
  );
}
