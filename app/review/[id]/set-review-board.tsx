"use client";
// The review across runs: the reviewer's name (kept in this browser, shared
// with the one-run review), the current comparison with its keys, and the
// ratings across the set with each run's top checkpoint and a one-click pick.
// The next pair and the ratings are computed here from the votes; every vote
// is stored by a server action first.
import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { AGREEMENT_METHOD } from "@/lib/review";
import { LOSER_TAGS, type LoserTag } from "@/lib/runs/review-schemas";
import { nextSetComparison, setRatingsFrom, type SetCheckpoint, type SetRunForReview, type StoredSetVote } from "@/lib/server/runs/review-set-logic";
import type { ReviewRunSource } from "@/lib/server/runs/review-view";
import { readReviewer, ReviewerForm, saveReviewer, subscribeReviewer } from "@/app/runs/[id]/review/review-board";
import { hasReference, promptText, ReviewSample } from "@/app/runs/[id]/review/review-sample";
import styles from "@/app/runs/[id]/review/review.module.css";
import { pickSetTopAction, setVoteAction } from "../actions";
import { Alert } from "@/app/ui/alert";
import { Button } from "@/app/ui/button";

interface SetView {
  id: string;
  runs: SetRunForReview[];
  promptCount: number;
}

interface Props {
  set: SetView;
  sources: ReviewRunSource[];
  initialVotes: StoredSetVote[];
  locked: boolean;
  canWrite: boolean;
}

export function SetReviewBoard({ set, sources, initialVotes, locked, canWrite }: Props) {
  const storedReviewer = useSyncExternalStore(subscribeReviewer, readReviewer, () => null);
  const [votes, setVotes] = useState<StoredSetVote[]>(initialVotes);
  const [runs, setRuns] = useState<SetRunForReview[]>(set.runs);
  const [message, setMessage] = useState<{ text: string; signIn?: boolean } | null>(null);
  const [status, setStatus] = useState("");
  const here = `/review/${set.id}`;

  if (storedReviewer === null) {
    return (
      <p className="card muted" aria-busy="true">
        Loading the review…
      </p>
    );
  }
  return (
    <div className="stack">
      {locked && !canWrite ? (
        <Alert tone="warning" role="status">
          This server is write-protected: only signed-in reviewers vote. <Link href={`/sign-in?next=${here}`}>Sign in</Link> to vote; the ratings below stay open to read.
        </Alert>
      ) : storedReviewer === "" ? (
        <ReviewerForm />
      ) : (
        <SetComparison
          key={storedReviewer}
          set={{ ...set, runs }}
          sources={sources}
          votes={votes}
          reviewer={storedReviewer}
          onVoted={(vote) => {
            setVotes((previous) => [...previous, vote]);
            setMessage(null);
            setStatus(`Vote ${votes.length + 1} saved.`);
          }}
          onError={setMessage}
        />
      )}
      {message && (
        <Alert tone="error" role="alert">
          {message.text} {message.signIn && <Link href={`/sign-in?next=${here}`}>Sign in</Link>}
        </Alert>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <SetResults
        set={{ ...set, runs }}
        votes={votes}
        canWrite={canWrite}
        onPicked={(runId, epoch) => {
          setRuns((previous) => previous.map((run) => (run.id === runId ? { ...run, pickedEpoch: epoch } : run)));
          setStatus(`Epoch ${epoch} is now the pick of ${runs.find((run) => run.id === runId)?.name ?? "the run"}.`);
        }}
        onError={setMessage}
      />
    </div>
  );
}

interface ComparisonProps {
  set: SetView;
  sources: ReviewRunSource[];
  votes: StoredSetVote[];
  reviewer: string;
  onVoted: (vote: StoredSetVote) => void;
  onError: (message: { text: string; signIn?: boolean }) => void;
}

function SetComparison({ set, sources, votes, reviewer, onVoted, onError }: ComparisonProps) {
  const [tags, setTags] = useState<LoserTag[]>([]);
  const [pending, startTransition] = useTransition();
  const sending = useRef(false);
  const sourceOf = useMemo(() => new Map(sources.map((source) => [source.runId, source])), [sources]);
  const next = useMemo(() => nextSetComparison(set.id, set.runs, votes, reviewer, set.promptCount), [set, votes, reviewer]);
  const mine = votes.filter((vote) => vote.reviewer === reviewer).length;

  const answer = useCallback(
    (choice: "left" | "right" | "tie") => {
      // A ref, not `pending`: the vote's count can show before the transition ends, and the next key must count.
      if (!next || sending.current) return;
      sending.current = true;
      const [left, right] = next.aOnLeft ? [next.a, next.b] : [next.b, next.a];
      const winner: SetCheckpoint | null = choice === "tie" ? null : choice === "left" ? left : right;
      startTransition(async () => {
        const result = await setVoteAction(set.id, { reviewer, promptIndex: next.promptIndex, a: next.a, b: next.b, winner, loserTags: winner === null ? [] : tags });
        sending.current = false;
        if (result.ok) {
          setTags([]);
          onVoted(result.vote);
        } else onError({ text: result.message, signIn: result.signIn });
      });
    },
    [next, set.id, reviewer, tags, onVoted, onError],
  );

  const toggleTag = useCallback((tag: LoserTag) => setTags((previous) => (previous.includes(tag) ? previous.filter((t) => t !== tag) : [...previous, tag])), []);
  // The key handler reads the latest pair through a ref updated as each render commits, so a key pressed right after a vote answers the new pair.
  const answerRef = useRef(answer);
  useLayoutEffect(() => {
    answerRef.current = answer;
  });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (event.key === "ArrowLeft") answerRef.current("left");
      else if (event.key === "ArrowRight") answerRef.current("right");
      else if (event.key === "ArrowDown") answerRef.current("tie");
      else if (/^[1-9]$/.test(event.key) && Number(event.key) <= LOSER_TAGS.length) toggleTag(LOSER_TAGS[Number(event.key) - 1]);
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [toggleTag]);

  const header = (
    <p className={styles.reviewer}>
      Reviewing as <strong>{reviewer}</strong> · {mine} {mine === 1 ? "vote" : "votes"} cast{" "}
      <Button size="small" onClick={() => saveReviewer("")}>
        Change name
      </Button>
    </p>
  );

  if (!next) {
    return (
      <section className="card stack" aria-labelledby="comparison-heading">
        <h2 id="comparison-heading">All done</h2>
        {header}
        <p>You have answered every comparison of these runs. The ratings below include your votes.</p>
      </section>
    );
  }

  const left = next.aOnLeft ? { label: "A", checkpoint: next.a } : { label: "B", checkpoint: next.b };
  const right = next.aOnLeft ? { label: "B", checkpoint: next.b } : { label: "A", checkpoint: next.a };
  const leftPrompt = promptText(sourceOf.get(left.checkpoint.runId)!, next.promptIndex);
  const rightPrompt = promptText(sourceOf.get(right.checkpoint.runId)!, next.promptIndex);
  const samePrompt = leftPrompt === rightPrompt;
  const sample = (side: { label: string; checkpoint: SetCheckpoint }, prompt: string) => (
    <figure className={styles.sample}>
      <ReviewSample
        source={sourceOf.get(side.checkpoint.runId)!}
        epoch={side.checkpoint.epoch}
        promptIndex={next.promptIndex}
        size={280}
        label={`Sample ${side.label}`}
        idPrefix={`set-${side.label}`}
      />
      <figcaption className={styles.label}>{side.label}</figcaption>
      {!samePrompt && <p className={styles.sidePrompt}>{prompt}</p>}
    </figure>
  );
  const reference = (side: { label: string; checkpoint: SetCheckpoint }) =>
    hasReference(sourceOf.get(side.checkpoint.runId)!, next.promptIndex) && (
      <figure className={`${styles.sample} ${styles.setReference}`}>
        <ReviewSample source={sourceOf.get(side.checkpoint.runId)!} epoch={0} promptIndex={next.promptIndex} size={120} label={`${side.label} before training`} idPrefix={`set-base-${side.label}`} />
        <figcaption>{side.label} before training</figcaption>
      </figure>
    );

  return (
    <section className="card stack" aria-labelledby="comparison-heading" aria-busy={pending}>
      <h2 id="comparison-heading">Which would you keep?</h2>
      {header}
      <p>
        {samePrompt ? (
          <>
            Prompt: <q>{leftPrompt}</q>
          </>
        ) : (
          "The runs were sampled with different prompts at this position: each is under its image."
        )}
      </p>
      <div className={styles.setPair}>
        {sample(left, leftPrompt)}
        {sample(right, rightPrompt)}
        {reference(left)}
        {reference(right)}
      </div>
      <fieldset className={styles.tags}>
        <legend>What is wrong with the one you did not choose? (optional)</legend>
        {LOSER_TAGS.map((tag, index) => (
          <label key={tag} className={styles.tag}>
            <input type="checkbox" checked={tags.includes(tag)} onChange={() => toggleTag(tag)} /> {tag} <kbd>{index + 1}</kbd>
          </label>
        ))}
      </fieldset>
      <div className={styles.choices}>
        <Button variant="primary" onClick={() => answer("left")} disabled={pending}>
          {left.label} is better <kbd>←</kbd>
        </Button>
        <Button onClick={() => answer("tie")} disabled={pending}>
          Can&apos;t tell <kbd>↓</kbd>
        </Button>
        <Button variant="primary" onClick={() => answer("right")} disabled={pending}>
          {right.label} is better <kbd>→</kbd>
        </Button>
      </div>
      <p className="muted">Keys: ← chooses the left sample, → the right one, ↓ can&apos;t tell; 1–{LOSER_TAGS.length} tag the one you did not choose.</p>
    </section>
  );
}

interface ResultsProps {
  set: SetView;
  votes: StoredSetVote[];
  canWrite: boolean;
  onPicked: (runId: string, epoch: number) => void;
  onError: (message: { text: string; signIn?: boolean }) => void;
}

function SetResults({ set, votes, canWrite, onPicked, onError }: ResultsProps) {
  const ratings = useMemo(() => setRatingsFrom(set.id, set.runs, votes), [set, votes]);
  const [pending, startTransition] = useTransition();
  const nameOf = new Map(set.runs.map((run) => [run.id, run.name]));
  const voted = ratings.ratings.filter((rating) => rating.comparisons > 0).sort((x, y) => y.score - x.score);
  const alpha = ratings.agreement.krippendorffAlpha;
  const percent = ratings.agreement.percentAgreement;
  const top = ratings.mostPreferred;

  return (
    <section className="card stack" aria-labelledby="results-heading">
      <h2 id="results-heading">Ratings</h2>
      {ratings.votes === 0 ? (
        <p className="empty-state">No votes yet. Ratings appear here after the first vote.</p>
      ) : (
        <>
          <dl className={styles.summary}>
            <div>
              <dt>Most preferred</dt>
              <dd data-testid="most-preferred">{top === null ? "—" : `${nameOf.get(top.runId)}, epoch ${top.epoch}`}</dd>
            </div>
            <div>
              <dt>Votes</dt>
              <dd>
                {ratings.votes} from {ratings.reviewers.length} {ratings.reviewers.length === 1 ? "reviewer" : "reviewers"}
              </dd>
            </div>
            <div>
              <dt>Agreement</dt>
              <dd>
                {alpha === null ? (percent === null ? "Needs two reviewers on the same comparison" : `${Math.round(percent * 100)}% of answers agree`) : `α = ${alpha.toFixed(2)}`}
                {alpha !== null && percent !== null && ` (${Math.round(percent * 100)}% agree)`}
              </dd>
            </div>
          </dl>
          <h3>Each run&apos;s top checkpoint</h3>
          <ul className={styles.runTops} aria-label="Top checkpoint of each run">
            {ratings.runs.map((entry) => (
              <li key={entry.runId} data-testid="run-top">
                <Link href={`/runs/${entry.runId}`}>{nameOf.get(entry.runId)}</Link>: {entry.topEpoch === null ? <span className="muted">no votes yet</span> : <strong>epoch {entry.topEpoch}</strong>}
                <span className="muted">
                  {" "}
                  · simulator recommends {entry.recommendedEpoch} · pick: <span data-testid="run-pick">{entry.pickedEpoch === null ? "none" : `epoch ${entry.pickedEpoch}`}</span>
                </span>
                {canWrite && entry.topEpoch !== null && (
                  <Button
                    size="small"
                    disabled={pending || entry.pickedEpoch === entry.topEpoch}
                    onClick={() =>
                      startTransition(async () => {
                        const result = await pickSetTopAction(set.id, entry.runId);
                        if (result.ok) onPicked(result.runId, result.pickedEpoch);
                        else onError({ text: result.message, signIn: result.signIn });
                      })
                    }
                  >
                    Make epoch {entry.topEpoch} the pick<span className="visually-hidden"> of {nameOf.get(entry.runId)}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Ratings by checkpoint">
            <table className={styles.table}>
              <caption className="visually-hidden">Bradley–Terry rating of each checkpoint voted on, across all the runs, highest first</caption>
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  <th scope="col">Epoch</th>
                  <th scope="col">Score ± SE</th>
                  <th scope="col">Won / lost / tied</th>
                  <th scope="col">Loser tags</th>
                </tr>
              </thead>
              <tbody>
                {voted.map((rating) => (
                  <tr key={`${rating.runId}@${rating.epoch}`}>
                    <th scope="row">{nameOf.get(rating.runId) ?? rating.runId}</th>
                    <td>{rating.epoch}</td>
                    <td>
                      {rating.score >= 0 ? "+" : "−"}
                      {Math.abs(rating.score).toFixed(2)} ± {rating.standardError.toFixed(2)}
                    </td>
                    <td>
                      {rating.wins} / {rating.losses} / {rating.ties}
                    </td>
                    <td>
                      {ratings.loserTags
                        .filter((entry) => entry.runId === rating.runId && entry.epoch === rating.epoch)
                        .map((entry) => `${entry.tag} ×${entry.count}`)
                        .join(", ") || "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">
            Scores are Bradley–Terry strengths in logits on one scale across the runs (a gap of 1 means the higher one wins about 73% of comparisons), ± one standard error; can&apos;t tell counts as
            half a win each. Agreement: {AGREEMENT_METHOD}.
          </p>
        </>
      )}
    </section>
  );
}
