// /compare while its runs load: header, chart and table placeholders.
export default function Loading() {
  return (
    <div className="page stack" aria-busy="true">
      <div className="page-header">
        <div>
          <h1>Compare runs</h1>
          <p>Loading the runs…</p>
        </div>
      </div>
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
