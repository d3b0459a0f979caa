"use client";
// Shown when a page fails to load: a plain message and a retry, never a stack trace.
import { Button } from "@/app/ui/button";
import { EmptyState } from "@/app/ui/empty-state";
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="page">
      <EmptyState level={1} role="alert" title="Something went wrong" description="This page could not be loaded. Your runs are safe; try again in a moment.">
        <Button variant="primary" onClick={reset}>
          Try again
        </Button>
      </EmptyState>
    </div>
  );
}
