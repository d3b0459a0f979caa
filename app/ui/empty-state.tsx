// A card that stands where content would be: nothing to show, a page that
// does not exist, a failure. A title, a sentence, and what to do next.
import type { ReactNode } from "react";

export function EmptyState({
  title,
  description,
  level = 2,
  role,
  children,
}: {
  title: ReactNode;
  description: ReactNode;
  /** The heading's level: 1 when the empty state is the whole page. */
  level?: 1 | 2;
  role?: "alert" | "status";
  /** The actions: one or two ButtonLinks. */
  children?: ReactNode;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <div className="card empty-state" role={role}>
      <Heading>{title}</Heading>
      <p className="muted">{description}</p>
      {children}
    </div>
  );
}
