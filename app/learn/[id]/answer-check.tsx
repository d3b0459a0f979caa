// The end of a lesson's question, the same for lessons and exercises: the
// "Check answer" button (with anything to show beside it) and the live region
// where the feedback appears.
import type { ReactNode } from "react";
import styles from "../learn.module.css";
import { Alert } from "@/app/ui/alert";
import { Button } from "@/app/ui/button";

/** "Check answer", off until a choice is made, and what sits beside it. */
export function CheckAnswerRow({ disabled, children }: { disabled: boolean; children?: ReactNode }) {
  return (
    <div className={styles.checkRow}>
      <Button type="submit" variant="primary" disabled={disabled}>
        Check answer
      </Button>
      {children}
    </div>
  );
}

/** The feedback on the last answer, announced politely; the slot keeps its place while empty. */
export function AnswerFeedback({ feedback, testId }: { feedback: { correct: boolean; message: string } | null; testId: string }) {
  return (
    <div aria-live="polite" className={styles.feedbackSlot}>
      {feedback && (
        <Alert className={feedback.correct ? styles.correct : styles.wrong} data-testid={testId}>
          {feedback.message}
        </Alert>
      )}
    </div>
  );
}
