"use client";
// The blind review itself: the reviewer's name (kept in this browser), the
// current comparison with its keys, and the results panel. The next pair and
// the ratings are computed here from the votes (lib/runs' pure review logic),
// so a vote shows at once; every vote is stored by a server action first.
import Link from "next/link";
import { useCallback, useMemo, useState, useTransition } from "react";
import { AGREEMENT_METHOD } from "@/lib/review";
import { nextComparison, ratingsFrom, type RunForReview, type StoredVote } from "@/lib/runs/review-logic";
import type { LoserTag } from "@/lib/runs/review-tags";
import type { ReviewRunSource } from "@/lib/server/runs/review-view";
import { BlindComparison, ReviewerForm, ReviewPending, type ComparisonChoice } from "@/app/ui/review/blind-comparison";
import { chosenCheckpoint } from "@/app/ui/review/choice";
import { hasReference, promptText, ReviewSample } from "@/app/ui/review/review-sample";
import { useReviewer } from "@/app/ui/review/reviewer";
import styles from "@/app/ui/review/review.module.css";
import { pickTopRatedAction, voteAction } from "./actions";
import { Alert } from "@/app/ui/alert";

interface Props {
  run: RunForReview;
  source: ReviewRunSource;
  initialVotes: StoredVote[];
  locked: boolean;
  canWrite: boolean;
}

type ErrorMessage = { text: string; signIn?: boolean };

export function ReviewBoard({ run, source, initialVotes, locked, canWrite }: Props) {
  const { reviewer, setReviewer } = useReviewer();
  const [votes, setVotes] = useState<StoredVote[]>(initialVotes);
  const [pickedEpoch, setPickedEpoch] = useState<number | null>(run.pickedEpoch);
  const [message, setMessage] = useState<ErrorMessage | null>(null);
  const [status, setStatus] = useState("");
  const reviewState = useMemo(() => ({ ...run, pickedEpoch }), [run, pickedEpoch]);

  return (
    <div className="stack">
      {reviewer === null ? (
        <ReviewPending />
      ) : locked && !canWrite ? (
        <Alert tone="warning" role="status">
          This server is write-protected: only signed-in reviewers vote. <Link href={`/sign-in?next=/runs/${run.id}/review`}>Sign in</Link> to vote; the ratings below stay open to read.
        </Alert>
      ) : reviewer === "" ? (
        <ReviewerForm onName={setReviewer} />
      ) : (
        <RunComparison
          key={reviewer}
          run={reviewState}
          source={source}
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
          {message.text} {message.signIn && <Link href={`/sign-in?next=/runs/${run.id}/review`}>Sign in</Link>}
        </Alert>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <Results
        run={reviewState}
        votes={votes}
        canWrite={canWrite}
        onPicked={(epoch) => {
          setPickedEpoch(epoch);
          setStatus(`Epoch ${epoch} is now the pick.`);
        }}
        onError={setMessage}
      />
    </div>
  );
}

interface ComparisonProps {
  run: RunForReview;
  source: ReviewRunSource;
  votes: StoredVote[];
  reviewer: string;
  onChangeName: () => void;
  onVoted: (vote: StoredVote) => void;
  onError: (message: ErrorMessage) => void;
}

/** The run's next pair for this reviewer, asked by BlindComparison; a vote goes to voteAction. */
function RunComparison({ run, source, votes, reviewer, onChangeName, onVoted, onError }: ComparisonProps) {
  const next = useMemo(() => nextComparison(run, votes, reviewer), [run, votes, reviewer]);
  const cast = votes.filter((vote) => vote.reviewer === reviewer).length;

  const onVote = useCallback(
    async (choice: ComparisonChoice, loserTags: LoserTag[]) => {
      if (!next) return false;
      const winner = chosenCheckpoint(next, choice);
      const result = await voteAction(run.id, { reviewer, promptIndex: next.promptIndex, a: next.a, b: next.b, winner, loserTags });
      if (!result.ok) {
        onError({ text: result.message, signIn: result.signIn });
        return false;
      }
      onVoted(result.vote);
      return true;
    },
    [next, run.id, reviewer, onVoted, onError],
  );

  const pair = next && {
    prompt: (
      <>
        Prompt: <q>{promptText(source, next.promptIndex)}</q>
      </>
    ),
    left: side(source, next.aOnLeft ? "A" : "B", next.aOnLeft ? next.a : next.b, next.promptIndex),
    right: side(source, next.aOnLeft ? "B" : "A", next.aOnLeft ? next.b : next.a, next.promptIndex),
    references: hasReference(source, next.promptIndex) && (
      <figure className={`${styles.sample} ${styles.reference}`}>
        <ReviewSample source={source} epoch={0} promptIndex={next.promptIndex} size={140} label="Before training" idPrefix="review-base" />
        <figcaption>Before training</figcaption>
      </figure>
    ),
    layout: "pair" as const,
  };

  return (
    <BlindComparison
      reviewer={reviewer}
      cast={cast}
      pair={pair}
      doneText="You have answered every comparison of this run. The ratings below include your votes."
      onChangeName={onChangeName}
      onVote={onVote}
    />
  );
}

function side(source: ReviewRunSource, label: string, epoch: number, promptIndex: number) {
  return { label, sample: <ReviewSample source={source} epoch={epoch} promptIndex={promptIndex} size={280} label={`Sample ${label}`} idPrefix={`review-${label}`} /> };
}

interface ResultsProps {
  run: { id: string; epochs: number; recommendedEpoch: number; pickedEpoch: number | null };
  votes: StoredVote[];
  canWrite: boolean;
  onPicked: (epoch: number) => void;
  onError: (message: ErrorMessage) => void;
}

function Results({ run, votes, canWrite, onPicked, onError }: ResultsProps) {
  const ratings = useMemo(() => ratingsFrom(run, votes), [run, votes]);
  const [pending, startTransition] = useTransition();
  const voted = ratings.ratings.filter((rating) => rating.comparisons > 0).sort((x, y) => y.score - x.score);
  const alpha = ratings.agreement.krippendorffAlpha;
  const percent = ratings.agreement.percentAgreement;
  const top = ratings.mostPreferredEpoch;

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
              <dd data-testid="most-preferred">{top === null ? "—" : `Epoch ${top}`}</dd>
            </div>
            <div>
              <dt>Simulator recommends</dt>
              <dd>Epoch {run.recommendedEpoch}</dd>
            </div>
            <div>
              <dt>Current pick</dt>
              <dd data-testid="current-pick">{run.pickedEpoch === null ? "None" : `Epoch ${run.pickedEpoch}`}</dd>
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
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Ratings by checkpoint">
            <table className={styles.table}>
              <caption className="visually-hidden">Bradley–Terry rating of each checkpoint voted on, highest first</caption>
              <thead>
                <tr>
                  <th scope="col">Epoch</th>
                  <th scope="col">Score ± SE</th>
                  <th scope="col">Won / lost / tied</th>
                  <th scope="col">Loser tags</th>
                </tr>
              </thead>
              <tbody>
                {voted.map((rating) => (
                  <tr key={rating.epoch}>
                    <th scope="row">
                      {rating.epoch}
                      {rating.epoch === run.recommendedEpoch && <span className="visually-hidden"> (recommended)</span>}
                    </th>
                    <td>
                      {rating.score >= 0 ? "+" : "−"}
                      {Math.abs(rating.score).toFixed(2)} ± {rating.standardError.toFixed(2)}
                    </td>
                    <td>
                      {rating.wins} / {rating.losses} / {rating.ties}
                    </td>
                    <td>
                      {ratings.loserTags
                        .filter((entry) => entry.epoch === rating.epoch)
                        .map((entry) => `${entry.tag} ×${entry.count}`)
                        .join(", ") || "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">
            Scores are Bradley–Terry strengths in logits (a gap of 1 means the higher one wins about 73% of comparisons), ± one standard error; can&apos;t tell counts as half a win each. Agreement:{" "}
            {AGREEMENT_METHOD}.
          </p>
          {canWrite && top !== null && (
            <div>
              <button
                type="button"
                className={`button ${styles.pickButton}`}
                disabled={pending || run.pickedEpoch === top}
                onClick={() =>
                  startTransition(async () => {
                    const result = await pickTopRatedAction(run.id);
                    if (result.ok) onPicked(result.pickedEpoch);
                    else onError({ text: result.message, signIn: result.signIn });
                  })
                }
              >
                Make the top-rated checkpoint the pick
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
