// /analysis while the population is simulated: the same header and four section cards.
export default function Loading() {
  return (
    <div className="page" aria-busy="true">
      <div className="page-header">
        <div>
          <p className="skeleton-title">Analysis</p>
          <p>Simulating the population…</p>
        </div>
      </div>
      {Array.from({ length: 3 }, (_, index) => (
        <div key={index} className="card" aria-hidden="true" style={{ marginBottom: 24, display: "grid", gap: 12 }}>
          <div className="skeleton" style={{ height: 24, width: "40%" }} />
          <div className="skeleton" style={{ height: 220 }} />
        </div>
      ))}
    </div>
  );
}
