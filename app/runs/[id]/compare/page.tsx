// /runs/[id]/compare?epochs=6,8,10: 2 to 4 checkpoints of one run side by side,
// with sample previews, every metric and its difference from the first column.
// No loading.tsx under app/runs/[id]: a loading boundary would send 200 before
// notFound() could answer 404 for an unknown run.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { defaultCompareEpochs, parseEpochList } from "@/lib/compare/epochs";
import { compareEpochsHref } from "@/lib/compare/query";
import { formatInteger, formatRate } from "@/lib/format";
import { SAMPLE_PROMPTS } from "@/lib/preview";
import { getImportedRun, getRun } from "@/lib/server/runs";
import { DeferredSampleViewer } from "@/app/ui/sample-viewer/deferred-sample-viewer";
import { formatSampleView, parseSampleView, VIEW_PARAM } from "@/app/ui/sample-viewer/view-param";
import { viewerRunOf } from "@/app/ui/sample-viewer/viewer-run";
import styles from "@/app/ui/compare/epochs.module.css";
import { Alert } from "@/app/ui/alert";
import { ButtonLink } from "@/app/ui/button";
import { EmptyState } from "@/app/ui/empty-state";
import { PageHeader } from "@/app/ui/page-header";
import { EpochColumn } from "./epoch-column";
import { ImportedEpochs } from "./imported-epochs";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const run = await getRun((await params).id);
  return { title: run ? `Epochs of ${run.name}` : "Run not found" };
}

export default async function CompareEpochsPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const run = await getRun(id);
  if (!run) notFound();
  if (run.source === "imported") {
    const imported = await getImportedRun(run.id);
    if (!imported) notFound();
    return <ImportedEpochs run={imported} query={query} />;
  }

  const header = (
    <PageHeader
      title={`Epochs of ${run.name}`}
      description={
        <>
          {run.images} images · {run.repeats} repeats · {run.epochs} epochs · batch {run.batchSize} · LR {formatRate(run.learningRate)} · {formatInteger(run.stepsPerEpoch)} steps per epoch
        </>
      }
      actions={<ButtonLink href={`/runs/${run.id}`}>Back to the run</ButtonLink>}
    />
  );

  if (run.epochs < 2) {
    return (
      <div className="page stack">
        {header}
        <EmptyState title="Only one checkpoint" description="This run trained for a single epoch, so there is nothing to compare it with." />
      </div>
    );
  }
  if (query.epochs === undefined) redirect(compareEpochsHref(run.id, defaultCompareEpochs(run)));

  const parsed = parseEpochList(query.epochs, run.epochs);
  if (!parsed.ok) {
    return (
      <div className="page stack">
        {header}
        <Alert as="div" tone="error" role="alert">
          <p>{parsed.message}</p>
          <Link href={compareEpochsHref(run.id, defaultCompareEpochs(run))}>Compare the recommended, picked and last epochs</Link>
        </Alert>
      </div>
    );
  }
  const openedView = parseSampleView(query[VIEW_PARAM], [{ id: run.id, epochs: run.epochs }]);

  return (
    <div className="page stack">
      {header}
      <p className="muted">
        Differences are against the first column (epoch {parsed.epochs[0]}), from the values as shown. Choose each column&apos;s epoch with its menu; reorder columns with “← Move” and “Move →”, or
        focus one of them and press ← or →.
      </p>
      <details className={styles.prompts}>
        <summary>Sample prompts</summary>
        <ol>
          {SAMPLE_PROMPTS.map((prompt) => (
            <li key={prompt.id}>{prompt.text}</li>
          ))}
        </ol>
      </details>
      <div className={styles.columnsFrame}>
        <div
          className={styles.columns}
          style={{ ["--columns" as string]: parsed.epochs.length }}
          role="region"
          aria-label={`${parsed.epochs.length} epochs side by side; scrolls sideways on narrow screens`}
          tabIndex={0}
        >
          {parsed.epochs.map((epoch, index) => (
            <EpochColumn key={epoch} run={run} epochs={parsed.epochs} index={index} />
          ))}
        </div>
      </div>
      <p className="muted">Select a sample to view it full size; in the viewer ←/→ change the prompt and ↑/↓ the epoch.</p>
      <DeferredSampleViewer runs={[viewerRunOf(run)]} initialView={openedView && formatSampleView(openedView)} />
    </div>
  );
}
