// The runs list while its page loads: the same header, filter bar and table shape.
import styles from "@/app/ui/runs-list/runs-list.module.css";

export default function Loading() {
  return (
    <div className="page" aria-busy="true">
      <div className="page-header">
        <div>
          <h1>Runs</h1>
          <p>Loading runs…</p>
        </div>
      </div>
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
