"use client";
// The early-stopping exercise (lib/replay's buildEarlyStoppingExercise): read
// the validation losses of a fixed run, say which epoch early stopping with a
// given patience keeps, and get feedback computed by the replay itself.
import { useId, useMemo, useState } from "react";
import Link from "next/link";
import { buildEarlyStoppingExercise, checkEarlyStoppingAnswer } from "@/lib/replay";
import { formatInteger, formatLoss } from "@/lib/format";
import { playgroundHref } from "@/lib/playground";
import styles from "../learn.module.css";
import { Button } from "@/app/ui/button";
import { ScrollRegion } from "@/app/ui/scroll-region";
import { Alert } from "@/app/ui/alert";

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
        <table className="data">
          <caption className="visually-hidden">Training and validation loss per epoch of the exercise run</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Epoch
              </th>
              <th scope="col" className="num">
                Step
              </th>
              <th scope="col" className="num">
                Train loss
              </th>
              <th scope="col" className="num">
                Validation loss
              </th>
            </tr>
          </thead>
          <tbody>
            {exercise.checkpoints.map((checkpoint) => (
              <tr key={checkpoint.epoch}>
                <th scope="row" className="num">
                  {checkpoint.epoch}
                </th>
                <td className="num">{formatInteger(checkpoint.step)}</td>
                <td className="num">{formatLoss(checkpoint.trainLoss)}</td>
                <td className="num">{formatLoss(checkpoint.validationLoss)}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
        <div className={styles.checkRow}>
          <Button type="submit" variant="primary" disabled={choice === null}>
            Check answer
          </Button>
        </div>
      </form>
      <div aria-live="polite" className={styles.feedbackSlot}>
        {feedback && (
          <Alert className={feedback.correct ? styles.correct : styles.wrong} data-testid="early-stopping-feedback">
            {feedback.message}
          </Alert>
        )}
      </div>
      <p>
        <Link href={playgroundHref(exercise.settings)}>Open the exercise run in the playground</Link>
      </p>
    </section>
  );
}
