"use client";
// The early-stopping exercise (lib/replay's buildEarlyStoppingExercise): read
// the validation losses of a fixed run, say which epoch early stopping with a
// given patience keeps, and get feedback computed by the replay itself.
import { useId, useMemo, useState } from "react";
import Link from "next/link";
import { buildEarlyStoppingExercise, checkEarlyStoppingAnswer } from "@/lib/replay";
import { playgroundHref } from "@/lib/playground";
import styles from "../learn.module.css";
import { ScrollRegion } from "@/app/ui/scroll-region";
import { AnswerFeedback, CheckAnswerRow } from "./answer-check";
import { CheckpointNumbers } from "@/app/ui/checkpoint-table";

/** The exercise shows the run's losses alone: early stopping reads the validation loss. */
const EXERCISE_METRICS = ["trainLoss", "validationLoss"] as const;

export function EarlyStoppingExercise() {
  const exercise = useMemo(() => buildEarlyStoppingExercise(), []);
  const id = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const [feedback, setFeedback] = useState<{ correct: boolean; message: string } | null>(null);

  function check(event: React.FormEvent) {
    event.preventDefault();
    if (choice === null) return;
    setFeedback(checkEarlyStoppingAnswer(exercise, choice));
  }

  return (
    <section className={`card ${styles.exercise}`} aria-labelledby={`${id}-title`} data-testid="early-stopping-exercise">
      <h2 id={`${id}-title`}>Exercise: {exercise.title}</h2>
      <p>{exercise.hint}</p>
      <ScrollRegion label="Losses of the exercise run, per epoch">
        <CheckpointNumbers checkpoints={exercise.checkpoints} metrics={EXERCISE_METRICS} caption="Training and validation loss per epoch of the exercise run" />
      </ScrollRegion>
      <form onSubmit={check}>
        <fieldset className={styles.question}>
          <legend className={styles.questionLegend}>{exercise.question}</legend>
          <label className={`check-label ${styles.choice}`}>
            Kept epoch{" "}
            <select
              value={choice ?? ""}
              onChange={(event) => {
                setChoice(event.target.value === "" ? null : Number(event.target.value));
                setFeedback(null);
              }}
            >
              <option value="">Choose an epoch</option>
              {exercise.choices.map((epoch) => (
                <option key={epoch} value={epoch}>
                  Epoch {epoch}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <CheckAnswerRow disabled={choice === null} />
      </form>
      <AnswerFeedback feedback={feedback} testId="early-stopping-feedback" />
      <p>
        <Link href={playgroundHref(exercise.settings)}>Open the exercise run in the playground</Link>
      </p>
    </section>
  );
}
