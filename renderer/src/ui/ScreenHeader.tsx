/** A screen's heading and the line under it: every screen opens the same way. */
import type { ReactNode } from "react";

export function ScreenHeader({ id, title, subtitle, actions }: { id: string; title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="screen-header">
      <div>
        <h1 id={id} className="screen-title">
          {title}
        </h1>
        {subtitle ? <p className="screen-subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="screen-actions">{actions}</div> : null}
    </header>
  );
}
