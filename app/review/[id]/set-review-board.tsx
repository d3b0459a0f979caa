"use client";
// The review across runs: the reviewer's name (kept in this browser, shared
// with the one-run review), the current comparison with its keys, and the
// ratings across the set with each run's top checkpoint and a one-click pick.
// The next pair and the ratings are computed here from the votes; every vote
// is stored by a server action first.
import Link from "next/link";
import { useCallback, useMemo, useState, useTransition } from "react";
import { AGREEMENT_METHOD } from "@/lib/review";
import type { LoserTag } from "@/lib/runs/review-tags";
import { nextSetComparison, setRatingsFrom, type SetRunForReview, type StoredSetVote } from "@/lib/server/runs/review-set-logic";
import type { ReviewRunSource } from "@/lib/server/runs/review-view";
import { BlindComparison, ReviewerForm, ReviewPending, type ComparisonChoice, type ComparisonSide } from "@/app/ui/review/blind-comparison";
import { chosenCheckpoint } from "@/app/ui/review/choice";
import { hasReference, promptText, ReviewSample } from "@/app/ui/review/review-sample";
import { useReviewer } from "@/app/ui/review/reviewer";
import styles from "@/app/ui/review/review.module.css";
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

type ErrorMessage = { text: string; signIn?: boolean };

export function SetReviewBoard({ set, sources, initialVotes, locked, canWrite }: Props) {
  const { reviewer, setReviewer } = useReviewer();
  const [votes, setVotes] = useState<StoredSetVote[]>(initialVotes);
  const [runs, setRuns] = useState<SetRunForReview[]>(set.runs);
  const [message, setMessage] = useState<ErrorMessage | null>(null);
  const [status, setStatus] = useState("");
  const here = `/review/${set.id}`;
  const view = useMemo(() => ({ ...set, runs }), [set, runs]);

  return (
    <div className="stack">
      {reviewer === null ? (
        <ReviewPending />
      ) : locked && !canWrite ? (
        <Alert tone="warning" role="status">
          This server is write-protected: only signed-in reviewers vote. <Link href={`/sign-in?next=${here}`}>Sign in</Link> to vote; the ratings below stay open to read.
        </Alert>
      ) : reviewer === "" ? (
        <ReviewerForm onName={setReviewer} />
      ) : (
        <SetComparison
          key={reviewer}
          set={view}
          sources={sources}
          votes={votes}
          reviewer={reviewer}
          onChangeName={() => setReviewer("")}
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
        set={view}
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
  onChangeName: () => void;
  onVoted: (vote: StoredSetVote) => void;
  onError: (message: ErrorMessage) => void;
}

/** The set's next pair for this reviewer, asked by BlindComparison; a vote goes to setVoteAction. */
function SetComparison({ set, sources, votes, reviewer, onChangeName, onVoted, onError }: ComparisonProps) {
  const sourceOf = useMemo(() => new Map(sources.map((source) => [source.runId, source])), [sources]);
  const next = useMemo(() => nextSetComparison(set.id, set.runs, votes, reviewer, set.promptCount), [set, votes, reviewer]);
  const cast = votes.filter((vote) => vote.reviewer === reviewer).length;

  const onVote = useCallback(
    async (choice: ComparisonChoice, loserTags: LoserTag[]) => {
      if (!next) return false;
      const winner = chosenCheckpoint(next, choice);
      const result = await setVoteAction(set.id, { reviewer, promptIndex: next.promptIndex, a: next.a, b: next.b, winner, loserTags });
      if (!result.ok) {
        onError({ text: result.message, signIn: result.signIn });
        return false;
      }
      onVoted(result.vote);
      return true;
    },
    [next, set.id, reviewer, onVoted, onError],
  );

  if (!next) {
    return (
      <BlindComparison
        reviewer={reviewer}
        cast={cast}
        pair={null}
        doneText="You have answered every comparison of these runs. The ratings below include your votes."
        onChangeName={onChangeName}
        onVote={onVote}
      />
    );
  }

  const left = { label: next.aOnLeft ? "A" : "B", checkpoint: next.aOnLeft ? next.a : next.b };
  const right = { label: next.aOnLeft ? "B" : "A", checkpoint: next.aOnLeft ? next.b : next.a };
  const leftPrompt = promptText(sourceOf.get(left.checkpoint.runId)!, next.promptIndex);
  const rightPrompt = promptText(sourceOf.get(right.checkpoint.runId)!, next.promptIndex);
  const samePrompt = leftPrompt === rightPrompt;
  const side = ({ label, checkpoint }: typeof left, prompt: string): ComparisonSide => ({
    label,
    sample: <ReviewSample source={sourceOf.get(checkpoint.runId)!} epoch={checkpoint.epoch} promptIndex={next.promptIndex} size={280} label={`Sample ${label}`} idPrefix={`set-${label}`} />,
    prompt: samePrompt ? undefined : prompt,
  });
  const reference = ({ label, checkpoint }: typeof left) =>
    hasReference(sourceOf.get(checkpoint.runId)!, next.promptIndex) && (
      <figure className={`${styles.sample} ${styles.setReference}`}>
        <ReviewSample source={sourceOf.get(checkpoint.runId)!} epoch={0} promptIndex={next.promptIndex} size={120} label={`${label} before training`} idPrefix={`set-base-${label}`} />
        <figcaption>{label} before training</figcaption>
      </figure>
    );

  return (
    <BlindComparison
      reviewer={reviewer}
      cast={cast}
      pair={{
        prompt: samePrompt ? (
          <>
            Prompt: <q>{leftPrompt}</q>
          </>
        ) : (
          "The runs were sampled with different prompts at this position: each is under its image."
        ),
        left: side(left, leftPrompt),
        right: side(right, rightPrompt),
        references: (
          <>
            {reference(left)}
            {reference(right)}
          </>
        ),
        layout: "set",
      }}
      doneText="You have answered every comparison of these runs. The ratings below include your votes."
      onChangeName={onChangeName}
      onVote={onVote}
    />
  );
}

interface ResultsProps {
  set: SetView;
  votes: StoredSetVote[];
  canWrite: boolean;
  onPicked: (runId: string, epoch: number) => void;
  onError: (message: ErrorMessage) => void;
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
