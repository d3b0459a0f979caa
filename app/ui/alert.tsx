// A message box over the shared .alert styles (app/globals.css). It has no
// role of its own: pass role="alert" or role="status" where the message
// appears after the page loads (or wrap it in a live region that does).
import type { HTMLAttributes } from "react";

export type AlertTone = "info" | "error" | "warning";

type AlertProps = { tone?: AlertTone; as?: "p" | "div" | "li" } & HTMLAttributes<HTMLElement>;

export function Alert({ tone = "info", as: Element = "p", className, ...props }: AlertProps) {
  const classes = ["alert", tone !== "info" && `alert-${tone}`, className].filter(Boolean).join(" ");
  return <Element className={classes} {...props} />;
}
