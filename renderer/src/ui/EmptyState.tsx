/** What a screen shows when there is nothing yet: what this place is for and the one action to take. */
import type { ReactNode } from "react";

type EmptyStateProps = { icon?: ReactNode; title: string; children?: ReactNode; action?: ReactNode; tone?: "neutral" | "error" };

export function EmptyState({ icon, title, children, action, tone = "neutral" }: EmptyStateProps) {
  return (
    <div className={`empty-state empty-state-${tone}`}>
      {icon ? <div className="empty-state-icon">{icon}</div> : null}
      <h2 className="empty-state-title">{title}</h2>
      {children ? <div className="empty-state-body">{children}</div> : null}
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}
