"use client";
// "What to do next", the run page's last word: the run's situation in one
// sentence and each proposed change as a button that creates it on the same
// seed and opens compare with both runs.
import { useActionState } from "react";
import Link from "next/link";
import type { NextSteps } from "@/lib/advice";
import { createNextStepRunAction, type NextStepState } from "./next-steps-action";
import styles from "./next-steps.module.css";
import { Button } from "@/app/ui/button";
import { Alert } from "@/app/ui/alert";

const INITIAL: NextStepState = { message: null };

export function NextStepsSection({ runId, advice, canWrite }: { runId: string; advice: NextSteps; canWrite: boolean }) {
  const [state, formAction, pending] = useActionState(createNextStepRunAction, INITIAL);
  return (
    <section aria-labelledby="next-steps-heading" className="card panel" data-testid="next-steps" data-situation={advice.situation}>
      <h2 id="next-steps-heading" className="panel-title">
        What to do next
      </h2>
      <p className={styles.headline}>{advice.headline}</p>
      {advice.steps.length > 0 && (
        <>
          {!canWrite && (
            <Alert tone="warning">
              This server is write-protected: <Link href="/sign-in">sign in</Link> to create these runs.
            </Alert>
          )}
          <ul className={`plain-list ${styles.steps}`}>
            {advice.steps.map((step) => (
              <li key={step.id} className={styles.step}>
                <form action={formAction} className={styles.form}>
                  <input type="hidden" name="runId" value={runId} />
                  <input type="hidden" name="step" value={step.id} />
                  <p className={styles.detail} id={`next-step-${step.id}`}>
                    {step.detail}
                  </p>
                  <Button type="submit" variant="primary" disabled={pending || !canWrite} aria-describedby={`next-step-${step.id}`}>
                    {step.action}
                    <span className="visually-hidden"> on the same seed and compare</span>
                  </Button>
                </form>
              </li>
            ))}
          </ul>
          <p className="muted">Each button creates a new run with the same seed, so the comparison shows the change and not the noise.</p>
        </>
      )}
      {state.message && (
        <Alert tone="error" role="alert">
          {state.message}
        </Alert>
      )}
    </section>
  );
}
