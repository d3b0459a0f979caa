// /compare while its runs load: header, chart and table placeholders.
// Its title looks like the page's h1 but is not a heading: while the page streams
// in, its own h1 is already in the document, and two page headings confuse screen readers.
import { PageHeader } from "@/app/ui/page-header";

export default function Loading() {
  return (
    <div className="page stack" aria-busy="true">
      <PageHeader heading={<div className="skeleton-title">Compare runs</div>} description="Loading the runs…" />
      <div className="card" aria-hidden="true">
        <div className="skeleton" style={{ height: 320 }} />
      </div>
      <div className="card" aria-hidden="true" style={{ display: "grid", gap: 10 }}>
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} className="skeleton" style={{ height: 22 }} />
        ))}
      </div>
    </div>
  );
}
