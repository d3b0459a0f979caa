// Label → value pairs as a definition list, each pair in its own div so the
// list's stylesheet can lay the pairs out as a grid or a row of items.
import type { ReactNode } from "react";

export interface Fact {
  label: string;
  value: ReactNode;
}

export function FactList({ facts, className, label }: { facts: readonly Fact[]; className?: string; label?: string }) {
  return (
    <dl className={className} aria-label={label}>
      {facts.map((fact) => (
        <div key={fact.label}>
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
