// A page's heading block: its h1, a sentence on what the page is for, and the
// page's main actions on the right (they wrap below on a phone).
import type { ReactNode } from "react";

export function PageHeader({ title, heading, description, actions }: { title?: ReactNode; heading?: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        {heading ?? <h1>{title}</h1>}
        {description && <p>{description}</p>}
      </div>
      {actions}
    </div>
  );
}
