"use client";
// Shown when a page fails to load: a plain message and a retry, never a stack trace.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="page">
      <div className="card empty-state" role="alert">
        <h1>Something went wrong</h1>
        <p className="muted">This page could not be loaded. Your runs are safe; try again in a moment.</p>
        <button type="button" className="button button-primary" onClick={reset}>
          Try again
        </button>
      </div>
    </div>
  );
}
