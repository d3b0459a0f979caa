// The frame of the epochs page (/runs/[id]/compare), the same for a simulated
// and an imported run: the header, the message when there is nothing to
// compare, the prompts, the columns side by side, a column's heading and
// badges, a sample's link into the viewer, a metric with its difference from
// the first column, and the viewer itself. What fills a column differs by run.
import type { ReactNode } from "react";
import Link from "next/link";
import type { Difference } from "@/lib/compare/difference";
import type { MetricDefinition } from "@/lib/compare/metrics";
import { compareEpochsHref } from "@/lib/compare/query";
import { Alert } from "@/app/ui/alert";
import { ButtonLink } from "@/app/ui/button";
import { PageHeader } from "@/app/ui/page-header";
import { DeferredSampleViewer } from "@/app/ui/sample-viewer/deferred-sample-viewer";
import type { ViewerRun } from "@/app/ui/sample-viewer/sample-viewer";
import { VIEW_PARAM } from "@/app/ui/sample-viewer/view-param";
import styles from "./epochs.module.css";

/** The page: "Epochs of …", a line about the run, the way back to it, then the content. */
export function EpochsPage({ run, description, children }: { run: { id: string; name: string }; description: ReactNode; children: ReactNode }) {
  return (
    <div className="page stack">
      <PageHeader title={`Epochs of ${run.name}`} description={description} actions={<ButtonLink href={`/runs/${run.id}`}>Back to the run</ButtonLink>} />
      {children}
    </div>
  );
}

/** A ?epochs= list the page cannot show: why, and a link (children) to the columns it would open on. */
export function EpochListProblem({ message, href, children }: { message: string; href: string; children: ReactNode }) {
  return (
    <Alert as="div" tone="error" role="alert">
      <p>{message}</p>
      <Link href={href}>{children}</Link>
    </Alert>
  );
}

/** The sample prompts, folded away. */
export function SamplePromptList({ prompts }: { prompts: readonly { id: string | number; text: string }[] }) {
  return (
    <details className={styles.prompts}>
      <summary>Sample prompts</summary>
      <ol>
        {prompts.map((prompt) => (
          <li key={prompt.id}>{prompt.text}</li>
        ))}
      </ol>
    </details>
  );
}

/** The columns side by side; the row scrolls sideways on narrow screens. */
export function EpochColumns({ count, children }: { count: number; children: ReactNode }) {
  return (
    <div className={styles.columnsFrame}>
      <div className={styles.columns} style={{ ["--columns" as string]: count }} role="region" aria-label={`${count} epochs side by side; scrolls sideways on narrow screens`} tabIndex={0}>
        {children}
      </div>
    </div>
  );
}

/** One column: its heading beside its controls, its badges, then what it shows. */
export function EpochColumnCard({ epoch, title, controls, badges, children }: { epoch: number; title: string; controls: ReactNode; badges: ReactNode; children: ReactNode }) {
  const headingId = `epoch-${epoch}-heading`;
  return (
    <section className={`card ${styles.column}`} aria-labelledby={headingId} data-testid="epoch-column">
      <div className="panel-head">
        <h2 id={headingId}>{title}</h2>
        {controls}
      </div>
      <div className={styles.badges}>{badges}</div>
      {children}
    </section>
  );
}

/** A sample in a column: a link that opens it full size in the viewer (and works without script, through the URL). */
export function SampleLink({ runId, epochs, view, label, children }: { runId: string; epochs: number[]; view: string; label: string; children: ReactNode }) {
  return (
    <a href={`${compareEpochsHref(runId, epochs)}&${VIEW_PARAM}=${view}`} data-sample-view={view} className="sample-link" aria-label={label}>
      {children}
    </a>
  );
}

/** A metric of a column: its value (children) and, past the first column, its difference from the first. */
export function MetricRow({ metric, difference, children }: { metric: MetricDefinition; difference: Difference | null; children: ReactNode }) {
  return (
    <div className={styles.metric} data-metric={metric.key}>
      <dt title={metric.hint}>{metric.label}</dt>
      <dd>
        {children}
        {difference && (
          <span className={`${styles.delta} ${styles[difference.tone]}`}>
            <span aria-hidden="true">{difference.direction === "up" ? "▲" : difference.direction === "down" ? "▼" : "="}</span> {difference.label}
            {difference.tone !== "neutral" && <span className="visually-hidden"> ({difference.tone})</span>}
          </span>
        )}
      </dd>
    </div>
  );
}

/** The full-size viewer of the columns' samples, with how to move in it. */
export function EpochsSampleViewer({ runs, initialView }: { runs: ViewerRun[]; initialView: string | null }) {
  return (
    <>
      <p className="muted">Select a sample to view it full size; in the viewer ←/→ change the prompt and ↑/↓ the epoch.</p>
      <DeferredSampleViewer runs={runs} initialView={initialView} />
    </>
  );
}
