import Link from "next/link";

export default function NotFound() {
  return (
    <div className="page">
      <div className="card empty-state">
        <h1>Not found</h1>
        <p className="muted">That page or run does not exist. It may have been deleted.</p>
        <Link href="/" className="button button-primary">
          Back to runs
        </Link>
      </div>
    </div>
  );
}
