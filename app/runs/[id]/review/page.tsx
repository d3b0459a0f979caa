// /runs/[id]/review: blind review of a run's checkpoints. Two samples of one
// prompt labelled A and B only, the untrained sample for reference, votes
// stored as they are cast, and the ratings they add up to. The URL is the
// link to share.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRun, listVotes } from "@/lib/server/runs";
import { reviewSourceOf } from "@/lib/server/runs/review-sources";
import { getWriteLockStatus } from "@/lib/server/auth/session";
import { ReviewBoard } from "./review-board";

type Props = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const run = await getRun((await params).id);
  return { title: run ? `Blind review · ${run.name}` : "Run not found" };
}

export default async function ReviewPage({ params }: Props) {
  const loaded = await reviewSourceOf((await params).id);
  if (!loaded) notFound();
  const { run, source } = loaded;
  const [votes, lock] = await Promise.all([listVotes(run.id), getWriteLockStatus()]);

  return (
    <div className="page stack">
      <header className="stack">
        <p>
          <Link href={`/runs/${run.id}`}>← {run.name}</Link>
        </p>
        <h1>Blind review</h1>
        <p className="muted">
          Two checkpoints of this run, drawn for the same prompt and labelled A and B only: choose the one you would keep, or say you can&apos;t tell.{" "}
          {source.kind === "images" ? "These are the trainer's own samples; its" : "The untrained base model's"} sample from before training is beside them for reference. Share this page&apos;s
          address to review as a team: each reviewer sees every comparison once, and the ratings below add up everyone&apos;s votes.
        </p>
      </header>
      <ReviewBoard run={run} source={source} initialVotes={votes} locked={lock.locked} canWrite={lock.canWrite} />
    </div>
  );
}
