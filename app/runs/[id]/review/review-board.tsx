"use client";
// The blind review itself: the reviewer's name (kept in this browser), the
// current comparison with its keys, and the results panel. The next pair and
// the ratings are computed here from the votes (lib/runs' pure review logic),
// so a vote shows at once; every vote is stored by a server action first.
import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { AGREEMENT_METHOD } from "@/lib/review";
import { LOSER_TAGS, REVIEWER_MAX_LENGTH, type LoserTag } from "@/lib/runs/review-schemas";
import { nextComparison, ratingsFrom, type RunForReview, type StoredVote } from "@/lib/runs/review-logic";
import type { ReviewRunSource } from "@/lib/server/runs/review-view";
import { hasReference, promptText, ReviewSample } from "./review-sample";
import { pickTopRatedAction, voteAction } from "./actions";
import styles from "./review.module.css";
import { Alert } from "@/app/ui/alert";
import { Button } from "@/app/ui/button";

const REVIEWER_KEY = "epoch-lab:reviewer";
const REVIEWER_EVENT = "epoch-lab:reviewer";

export function subscribeReviewer(callback: () => void): () => void {
  window.addEventListener("storage", callback);
  window.addEventListener(REVIEWER_EVENT, callback);
  return () => {
    window.removeEventListener("storage", callback);
    window.removeEventListener(REVIEWER_EVENT, callback);
  };
}

export function readReviewer(): string {
  try {
    return window.localStorage.getItem(REVIEWER_KEY) ?? "";
  } catch {
    return "";
  }
}

export function saveReviewer(name: string): void {
  try {
    window.localStorage.setItem(REVIEWER_KEY, name);
  } catch {
    // Private mode without storage: the name lasts until the page closes.
  }
  window.dispatchEvent(new Event(REVIEWER_EVENT));
}

type ReviewRun = RunForReview;

interface Props {
  run: ReviewRun;
  source: ReviewRunSource;
  initialVotes: StoredVote[];
  locked: boolean;
  canWrite: boolean;
}

export function ReviewBoard({ run, source, initialVotes, locked, canWrite }: Props) {
  const storedReviewer = useSyncExternalStore(subscribeReviewer, readReviewer, () => null);
  const [votes, setVotes] = useState<StoredVote[]>(initialVotes);
  const [pickedEpoch, setPickedEpoch] = useState<number | null>(run.pickedEpoch);
  const [message, setMessage] = useState<{ text: string; signIn?: boolean } | null>(null);
  const [status, setStatus] = useState("");

  if (storedReviewer === null) {
    return (
      <p className="card muted" aria-busy="true">
        Loading the review…
      </p>
    );
  }
  const reviewState = { ...run, pickedEpoch };
  return (
    <div className="stack">
      {locked && !canWrite ? (
        <Alert tone="warning" role="status">
          This server is write-protected: only signed-in reviewers vote. <Link href={`/sign-in?next=/runs/${run.id}/review`}>Sign in</Link> to vote; the ratings below stay open to read.
        </Alert>
      ) : storedReviewer === "" ? (
        <ReviewerForm />
      ) : (
        <Comparison
          key={storedReviewer}
          run={reviewState}
          source={source}
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

export function ReviewerForm() {
  const [name, setName] = useState("");
  const [error, setError] = useState("");
  return (
    <form
      className={`card stack ${styles.nameForm}`}
      onSubmit={(event) => {
        event.preventDefault();
        const clean = name.trim();
        if (!clean) {
          setError("Enter your name: votes are counted per reviewer.");
          return;
        }
        saveReviewer(clean.slice(0, REVIEWER_MAX_LENGTH));
      }}
    >
      <h2>Who is reviewing?</h2>
      <p className="muted">Your name is kept in this browser and stored with each vote, so the team sees who agrees.</p>
      <label htmlFor="reviewer-name">Your name</label>
      <input
        id="reviewer-name"
        name="reviewer"
        value={name}
        maxLength={REVIEWER_MAX_LENGTH}
        autoComplete="name"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "reviewer-name-error" : undefined}
        onChange={(event) => setName(event.target.value)}
      />
      {error && (
        <p id="reviewer-name-error" className={styles.fieldError}>
          {error}
        </p>
      )}
      <div>
        <Button type="submit" variant="primary">
          Start reviewing
        </Button>
      </div>
    </form>
  );
}

interface ComparisonProps {
  run: ReviewRun;
  source: ReviewRunSource;
  votes: StoredVote[];
  reviewer: string;
  onVoted: (vote: StoredVote) => void;
  onError: (message: { text: string; signIn?: boolean }) => void;
}

function Comparison({ run, source, votes, reviewer, onVoted, onError }: ComparisonProps) {
  const [tags, setTags] = useState<LoserTag[]>([]);
  const [pending, startTransition] = useTransition();
  const sending = useRef(false);
  const next = useMemo(() => nextComparison(run, votes, reviewer), [run, votes, reviewer]);
  const mine = votes.filter((vote) => vote.reviewer === reviewer).length;

  const answer = useCallback(
    (choice: "left" | "right" | "tie") => {
      // A ref, not `pending`: the vote's count can show before the transition ends, and the next key must count.
      if (!next || sending.current) return;
      sending.current = true;
      const [left, right] = next.aOnLeft ? [next.a, next.b] : [next.b, next.a];
      const winner = choice === "tie" ? null : choice === "left" ? left : right;
      startTransition(async () => {
        const result = await voteAction(run.id, { reviewer, promptIndex: next.promptIndex, a: next.a, b: next.b, winner, loserTags: winner === null ? [] : tags });
        sending.current = false;
        if (result.ok) {
          setTags([]);
          onVoted(result.vote);
        } else onError({ text: result.message, signIn: result.signIn });
      });
    },
    [next, run.id, reviewer, tags, onVoted, onError],
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
        <p>You have answered every comparison of this run. The ratings below include your votes.</p>
      </section>
    );
  }

  const prompt = promptText(source, next.promptIndex);
  const left = next.aOnLeft ? { label: "A", epoch: next.a } : { label: "B", epoch: next.b };
  const right = next.aOnLeft ? { label: "B", epoch: next.b } : { label: "A", epoch: next.a };
  const sample = (epoch: number, label: string) => (
    <figure className={styles.sample}>
      <ReviewSample source={source} epoch={epoch} promptIndex={next.promptIndex} size={280} label={`Sample ${label}`} idPrefix={`review-${label}`} />
      <figcaption className={styles.label}>{label}</figcaption>
    </figure>
  );

  return (
    <section className="card stack" aria-labelledby="comparison-heading" aria-busy={pending}>
      <h2 id="comparison-heading">Which would you keep?</h2>
      {header}
      <p>
        Prompt: <q>{prompt}</q>
      </p>
      <div className={styles.pair}>
        {sample(left.epoch, left.label)}
        {sample(right.epoch, right.label)}
        {hasReference(source, next.promptIndex) && (
          <figure className={`${styles.sample} ${styles.reference}`}>
            <ReviewSample source={source} epoch={0} promptIndex={next.promptIndex} size={140} label="Before training" idPrefix="review-base" />
            <figcaption>Before training</figcaption>
          </figure>
        )}
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
  run: { id: string; epochs: number; recommendedEpoch: number; pickedEpoch: number | null };
  votes: StoredVote[];
  canWrite: boolean;
  onPicked: (epoch: number) => void;
  onError: (message: { text: string; signIn?: boolean }) => void;
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
