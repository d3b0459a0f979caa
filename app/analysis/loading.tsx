// /analysis while the population is simulated: the same header and four section cards.
import { PageHeader } from "@/app/ui/page-header";

export default function Loading() {
  return (
    <div className="page" aria-busy="true">
      <PageHeader heading={<p className="skeleton-title">Analysis</p>} description="Simulating the population…" />
      {Array.from({ length: 3 }, (_, index) => (
        <div key={index} className="card" aria-hidden="true" style={{ marginBottom: 24, display: "grid", gap: 12 }}>
          <div className="skeleton" style={{ height: 24, width: "40%" }} />
          <div className="skeleton" style={{ height: 220 }} />
        </div>
      ))}
    </div>
  );
}
