// A wide table's scroll box (.table-wrap): on a narrow screen the table
// scrolls sideways inside it, never the page. Named and focusable, so
// keyboard users can scroll it and screen readers announce it.
import type { CSSProperties, ReactNode } from "react";

type Name = { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

export function ScrollRegion({ label, labelledBy, className, style, children }: Name & { className?: string; style?: CSSProperties; children: ReactNode }) {
  return (
    <div className={className ? `table-wrap ${className}` : "table-wrap"} role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0} style={style}>
      {children}
    </div>
  );
}
