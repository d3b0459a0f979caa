// /runs/[id]: the run dashboard. Server-rendered; the first screen's client
// leaves are the charts, the Pick buttons and the name/notes editor. Below the
// fold, the sample grid is plain images (no script), and the decide panels and
// the sample viewer load when needed (lazy-leaves.tsx). Unknown ids are a 404
// (no loading.tsx here: it would turn the 404 into a 200). Each section is a
// component in this folder; this page loads the run and arranges them.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { countVotes, getImportedRun, getRun, getRunTags } from "@/lib/server/runs";
import { pickSettings } from "@/lib/sim";
import { getWriteLockStatus } from "@/lib/server/auth/session";
import { nextSteps } from "@/lib/advice";
import { parseSampleView, VIEW_PARAM } from "@/app/ui/sample-viewer/view-param";
import { ChartsSection } from "./charts-section";
import { CheckpointsSection } from "./checkpoints-section";
import { DecideSection } from "./decide-section";
import { ExportSection } from "./export-section";
import { ImportedRun } from "./imported-run";
import { NextStepsSection } from "./next-steps";
import { PickProvider } from "./pick-context";
import { RunHeader } from "./run-header";
import { SamplesSection } from "./samples-section";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const run = await getRun((await params).id);
  return { title: run ? run.name : "Run not found" };
}

export default async function RunPage({ params, searchParams }: Props) {
  const run = await getRun((await params).id);
  if (!run) notFound();
  if (run.source === "imported") {
    const imported = await getImportedRun(run.id);
    if (!imported) notFound();
    return <ImportedRun run={imported} />;
  }
  const settings = pickSettings(run);
  const [{ canWrite }, reviews, tags] = await Promise.all([getWriteLockStatus(), countVotes(run.id), getRunTags(run.id)]);
  const initialView = parseSampleView((await searchParams)[VIEW_PARAM], [{ id: run.id, epochs: settings.epochs }]);

  return (
    <div className="page stack">
      <PickProvider runId={run.id} initialPickedEpoch={run.pickedEpoch} recommendedEpoch={run.recommendedEpoch}>
        <RunHeader run={run} settings={settings} canWrite={canWrite} reviews={reviews} tags={tags} />
        <ChartsSection run={run} settings={settings} />
        <CheckpointsSection run={run} />
        <DecideSection run={run} settings={settings} canWrite={canWrite} />
      </PickProvider>
      <SamplesSection run={run} settings={settings} initialView={initialView} />
      <ExportSection run={run} settings={settings} />
      <NextStepsSection runId={run.id} advice={nextSteps({ settings, checkpoints: run.checkpoints, recommendedEpoch: run.recommendedEpoch })} canWrite={canWrite} />
      <p>
        <Link href="/">Back to runs</Link>
      </p>
    </div>
  );
}
