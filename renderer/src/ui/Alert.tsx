/** Inline messages. Errors use role="alert" so a screen reader hears them when they appear. */
import type { ReactNode } from "react";
import { AlertIcon } from "./icons";

type AlertProps = { tone?: "error" | "warning" | "info" | "success"; children: ReactNode; action?: ReactNode; id?: string };

export function Alert({ tone = "error", children, action, id }: AlertProps) {
  const role = tone === "error" ? "alert" : "status";
  return (
    <div className={`alert alert-${tone}`} role={role} id={id}>
      {tone === "error" || tone === "warning" ? <AlertIcon className="alert-icon" /> : null}
      <div className="alert-body">{children}</div>
      {action ? <div className="alert-action">{action}</div> : null}
    </div>
  );
}
