// /review/[id]: the blind review of a set of runs. Two checkpoints of
// different runs for the same prompt, labelled A and B only, each run's
// before-training sample for reference; votes stored as they are cast, and
// ratings on one scale across the set. The URL is the link to share.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getWriteLockStatus } from "@/lib/server/auth/session";
import { compareRunsHref } from "@/lib/compare/query";
import { listSetVotes, loadReviewSet } from "@/lib/server/runs/review-sets";
import { SetReviewBoard } from "./set-review-board";
import { Alert } from "@/app/ui/alert";

type Props = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadReviewSet((await params).id);
  return { title: loaded ? `Blind review of ${loaded.set.runs.length} runs` : "Review not found" };
}

export default async function SetReviewPage({ params }: Props) {
  const loaded = await loadReviewSet((await params).id);
  if (!loaded) notFound();
  const { set, sources } = loaded;
  const [votes, lock] = await Promise.all([listSetVotes(set.id), getWriteLockStatus()]);

  return (
    <div className="page stack">
      <header className="stack">
        <p>
          <Link href={compareRunsHref(set.runs.map((run) => run.id))}>← Compare these runs</Link>
        </p>
        <h1>Blind review of {set.runs.length} runs</h1>
        <p className="muted">
          Two checkpoints of different runs, drawn for the same prompt and labelled A and B only: choose the one you would keep, or say you can&apos;t tell. Each one&apos;s sample from before training
          is below them for reference. Share this page&apos;s address to review as a team: each reviewer sees every comparison once, and the ratings add up everyone&apos;s votes.
        </p>
      </header>
      {set.runs.length < 2 ? (
        <Alert tone="warning" role="status">
          Fewer than 2 of this review&apos;s runs remain (the others were deleted): there is nothing left to compare.
        </Alert>
      ) : (
        <SetReviewBoard set={set} sources={sources} initialVotes={votes} locked={lock.locked} canWrite={lock.canWrite} />
      )}
    </div>
  );
}
