// /runs/[id]/compare?epochs=6,8,10: 2 to 4 checkpoints of one run side by side,
// with sample previews, every metric and its difference from the first column.
// No loading.tsx under app/runs/[id]: a loading boundary would send 200 before
// notFound() could answer 404 for an unknown run.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { lossRows, stepZones } from "@/lib/charts";
import { defaultCompareEpochs, parseEpochList } from "@/lib/compare/epochs";
import { compareEpochsHref } from "@/lib/compare/query";
import { formatInteger, formatRate } from "@/lib/format";
import { SAMPLE_PROMPTS } from "@/lib/preview";
import { getImportedRun, getRun } from "@/lib/server/runs";
import { formatSampleView, parseSampleView, VIEW_PARAM } from "@/app/ui/sample-viewer/view-param";
import { viewerRunOf } from "@/app/ui/sample-viewer/viewer-run";
import { EpochColumns, EpochListProblem, EpochsPage, EpochsSampleViewer, SamplePromptList } from "@/app/ui/compare/epochs-page";
import { LossChart } from "@/app/ui/charts/run-charts";
import { EmptyState } from "@/app/ui/empty-state";
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

  const description = (
    <>
      {run.images} images · {run.repeats} repeats · {run.epochs} epochs · batch {run.batchSize} · LR {formatRate(run.learningRate)} · {formatInteger(run.stepsPerEpoch)} steps per epoch
    </>
  );

  if (run.epochs < 2) {
    return (
      <EpochsPage run={run} description={description}>
        <EmptyState title="Only one checkpoint" description="This run trained for a single epoch, so there is nothing to compare it with." />
      </EpochsPage>
    );
  }
  if (query.epochs === undefined) redirect(compareEpochsHref(run.id, defaultCompareEpochs(run)));

  const parsed = parseEpochList(query.epochs, run.epochs);
  if (!parsed.ok) {
    return (
      <EpochsPage run={run} description={description}>
        <EpochListProblem message={parsed.message} href={compareEpochsHref(run.id, defaultCompareEpochs(run))}>
          Compare the recommended, picked and last epochs
        </EpochListProblem>
      </EpochsPage>
    );
  }
  const openedView = parseSampleView(query[VIEW_PARAM], [{ id: run.id, epochs: run.epochs }]);

  return (
    <EpochsPage run={run} description={description}>
      <p className="muted">
        Differences are against the first column (epoch {parsed.epochs[0]}), from the values as shown. Choose each column&apos;s epoch with its menu; reorder columns with “← Move” and “Move →”, or
        focus one of them and press ← or →.
      </p>
      <SamplePromptList prompts={SAMPLE_PROMPTS} />
      <EpochColumns count={parsed.epochs.length}>
        {parsed.epochs.map((epoch, index) => (
          <EpochColumn key={epoch} run={run} epochs={parsed.epochs} index={index} />
        ))}
      </EpochColumns>
      <section className="card stack" aria-labelledby="loss-curve-heading">
        <h2 id="loss-curve-heading">The compared epochs on the loss curve</h2>
        <p className="muted">
          A dashed line at the end of each compared epoch ({parsed.epochs.join(", ")}): where each checkpoint was saved along the training loss, and how validation loss stood there.
        </p>
        <LossChart
          rows={lossRows(run.checkpoints, run.lossCurve)}
          zones={stepZones(run.checkpoints)}
          epochSteps={run.checkpoints.map((checkpoint) => checkpoint.step)}
          recommendedEpoch={run.recommendedEpoch}
          pickedEpoch={run.pickedEpoch}
          extraMarkers={[...parsed.epochs]
            .sort((a, b) => a - b)
            .map((epoch, index) => ({
              x: run.checkpoints[epoch - 1].step,
              label: `ep. ${epoch}`,
              dashed: true,
              // Neighbours' labels on alternate lines, so close epochs on a phone never print over each other.
              labelRow: 2 + (index % 2),
              labelSide: epoch > run.epochs * 0.8 ? "left" : "right",
            }))}
          height={260}
        />
      </section>
      <EpochsSampleViewer runs={[viewerRunOf(run)]} initialView={openedView && formatSampleView(openedView)} />
    </EpochsPage>
  );
}
