// /review/new?runs=a,b,c: the blind review of a set of runs, reached from
// compare. When that choice of runs already has a review it opens at once;
// otherwise one button starts it (a write, so it is a form, never a GET).
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getWriteLockStatus } from "@/lib/server/auth/session";
import { getRuns } from "@/lib/server/runs";
import { REVIEW_SET_RUNS_MAX } from "@/lib/runs/review-schemas";
import { findReviewSet } from "@/lib/server/runs/review-sets";
import { StartReviewForm } from "./start-form";
import { Alert } from "@/app/ui/alert";

export const metadata: Metadata = { title: "Blind review of runs" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewSetReviewPage({ searchParams }: Props) {
  const raw = [(await searchParams).runs ?? []].flat().join(",");
  const ids = [
    ...new Set(
      raw
        .split(",")
        .map((id) => id.trim())
        .filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id)),
    ),
  ].slice(0, REVIEW_SET_RUNS_MAX);
  const runs = ids.length > 0 ? await getRuns(ids) : [];
  if (runs.length >= 2) {
    const existing = await findReviewSet(runs.map((run) => run.id));
    if (existing) redirect(`/review/${existing}`);
  }
  const lock = await getWriteLockStatus();
  const here = `/review/new?runs=${runs.map((run) => run.id).join(",")}`;

  return (
    <div className="page stack">
      <header className="stack">
        <h1>Blind review of runs</h1>
        <p className="muted">
          Checkpoints of different runs, shown two at a time for the same prompt and labelled A and B only. The ratings put every checkpoint of every run on one scale, so the team sees which run, at
          which epoch, it prefers.
        </p>
      </header>
      {runs.length < 2 ? (
        <Alert as="div" tone="error" role="alert">
          <p>A review across runs needs at least 2 stored runs{ids.length > runs.length ? ` (${ids.length - runs.length} of those asked for were not found)` : ""}.</p>
          <Link href="/compare">Choose runs to compare</Link>
        </Alert>
      ) : (
        <section className="card stack" aria-labelledby="set-heading">
          <h2 id="set-heading">{runs.length} runs to review</h2>
          <ul>
            {runs.map((run) => (
              <li key={run.id}>
                <Link href={`/runs/${run.id}`}>{run.name}</Link>
              </li>
            ))}
          </ul>
          {lock.locked && !lock.canWrite ? (
            <Alert tone="warning" role="status">
              This server is write-protected: only signed-in reviewers start reviews and vote. <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>Sign in</Link>
            </Alert>
          ) : (
            <StartReviewForm runIds={runs.map((run) => run.id)} />
          )}
        </section>
      )}
    </div>
  );
}
