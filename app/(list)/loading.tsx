// The runs list while its page loads: the same header, filter bar and table shape.
import styles from "@/app/ui/runs-list/runs-list.module.css";
import { PageHeader } from "@/app/ui/page-header";

// Its title looks like the page's h1 but is not a heading: while the page streams
// in, its own h1 is already in the document, and two page headings confuse screen readers.
export default function Loading() {
  return (
    <div className="page" aria-busy="true">
      <PageHeader heading={<div className="skeleton-title">Runs</div>} description="Loading runs…" />
      <div className={styles.filters} aria-hidden="true">
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} className="skeleton" style={{ height: 36 }} />
        ))}
      </div>
      <div className="table-wrap" aria-hidden="true" style={{ padding: 12, display: "grid", gap: 10 }}>
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className="skeleton" style={{ height: 22 }} />
        ))}
      </div>
    </div>
  );
}
