"use client";
// One blind comparison, for the run review and the review across runs alike:
// two samples labelled A and B only, their before-training references, the
// loser tags, and the answer buttons with their keys (← left, → right, ↓ can't
// tell, 1–4 tag the one not chosen). The page says which pair and how a vote
// is stored; this says how it is asked.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { LOSER_TAGS, REVIEWER_MAX_LENGTH, type LoserTag } from "@/lib/runs/review-tags";
import styles from "./review.module.css";
import { Button, buttonClass } from "@/app/ui/button";

import type { ComparisonChoice } from "./choice";

export type { ComparisonChoice } from "./choice";

export interface ComparisonSide {
  /** "A" or "B": all a reviewer learns of the checkpoint. */
  label: string;
  /** The sample, as the page draws it. */
  sample: ReactNode;
  /** Shown under the sample when the two sides were drawn for different prompts. */
  prompt?: string;
}

export interface ComparisonPair {
  /** The prompt line above the samples. */
  prompt: ReactNode;
  left: ComparisonSide;
  right: ComparisonSide;
  /** The before-training samples beside (run review) or under (set review) the pair. */
  references: ReactNode;
  /** The grid the samples sit in: A, B and one reference, or A and B over their two references. */
  layout: "pair" | "set";
}

interface Props {
  reviewer: string;
  /** Votes this reviewer has cast. */
  cast: number;
  /** The pair to judge, or null once the reviewer has answered every one. */
  pair: ComparisonPair | null;
  /** What "All done" says of what was reviewed. */
  doneText: string;
  onChangeName: () => void;
  /** Stores a vote; resolves true once stored (the tags then clear), false when it was refused (the page shows why). */
  onVote: (choice: ComparisonChoice, loserTags: LoserTag[]) => Promise<boolean>;
}

export function BlindComparison({ reviewer, cast, pair, doneText, onChangeName, onVote }: Props) {
  const [tags, setTags] = useState<LoserTag[]>([]);
  const [pending, startTransition] = useTransition();
  const sending = useRef(false);

  const answer = useCallback(
    (choice: ComparisonChoice) => {
      // A ref, not `pending`: the vote's count can show before the transition ends, and the next key must count.
      if (!pair || sending.current) return;
      sending.current = true;
      startTransition(async () => {
        const stored = await onVote(choice, choice === "tie" ? [] : tags);
        sending.current = false;
        if (stored) setTags([]);
      });
    },
    [pair, onVote, tags],
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
      Reviewing as <strong>{reviewer}</strong> · {cast} {cast === 1 ? "vote" : "votes"} cast{" "}
      <Button size="small" onClick={onChangeName}>
        Change name
      </Button>
    </p>
  );

  if (!pair) {
    return (
      <section className="card stack" aria-labelledby="comparison-heading">
        <h2 id="comparison-heading">All done</h2>
        {header}
        <p>{doneText}</p>
      </section>
    );
  }

  const side = ({ label, sample, prompt }: ComparisonSide) => (
    <figure className={styles.sample}>
      {sample}
      <figcaption className={styles.label}>{label}</figcaption>
      {prompt !== undefined && <p className={styles.sidePrompt}>{prompt}</p>}
    </figure>
  );

  return (
    <section className="card stack" aria-labelledby="comparison-heading" aria-busy={pending}>
      <h2 id="comparison-heading">Which would you keep?</h2>
      {header}
      <p>{pair.prompt}</p>
      <div className={pair.layout === "pair" ? styles.pair : styles.setPair}>
        {side(pair.left)}
        {side(pair.right)}
        {pair.references}
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
          {pair.left.label} is better <kbd>←</kbd>
        </Button>
        <Button onClick={() => answer("tie")} disabled={pending}>
          Can&apos;t tell <kbd>↓</kbd>
        </Button>
        <Button variant="primary" onClick={() => answer("right")} disabled={pending}>
          {pair.right.label} is better <kbd>→</kbd>
        </Button>
      </div>
      <p className="muted">Keys: ← chooses the left sample, → the right one, ↓ can&apos;t tell; 1–{LOSER_TAGS.length} tag the one you did not choose.</p>
    </section>
  );
}

const NAME_NOTE = "Your name is kept in this browser and stored with each vote, so the team sees who agrees.";

/**
 * Holds the comparison's place until the page has hydrated (the name is kept
 * in the browser, so the server cannot tell the form from the comparison): as
 * tall as the name form at every width, so the ratings under it stay put when
 * the form appears.
 */
export function ReviewPending() {
  return (
    <div className={`card stack ${styles.nameForm}`} aria-busy="true">
      <h2>Loading the review…</h2>
      <div className={`stack ${styles.pendingSpace}`} aria-hidden="true">
        <p className="muted">{NAME_NOTE}</p>
        <span>Your name</span>
        <input disabled tabIndex={-1} />
        <div>
          <span className={buttonClass({ variant: "primary" })}>Start reviewing</span>
        </div>
      </div>
    </div>
  );
}

/** Asks for the reviewer's name once; it is kept in this browser and stored with each vote. */
export function ReviewerForm({ onName }: { onName: (name: string) => void }) {
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
        onName(clean.slice(0, REVIEWER_MAX_LENGTH));
      }}
    >
      <h2>Who is reviewing?</h2>
      <p className="muted">{NAME_NOTE}</p>
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
