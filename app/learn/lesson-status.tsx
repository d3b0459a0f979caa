"use client";
// Progress marks for the lesson list: "Done" per lesson and the overall count.
import { countDone, LESSONS } from "@/lib/learn";
import { resetLessonProgress, useLessonProgress } from "./progress-store";
import styles from "./learn.module.css";
import { Button } from "@/app/ui/button";

export function LessonStatus({ id }: { id: string }) {
  const entry = useLessonProgress()[id];
  if (!entry) return <span className={styles.status}>Not started</span>;
  return entry.correct ? <span className={`badge badge-balanced ${styles.status}`}>Done</span> : <span className={`badge badge-underfit ${styles.status}`}>Answered, try again</span>;
}

export function ProgressSummary() {
  const progress = useLessonProgress();
  const done = countDone(
    progress,
    LESSONS.map((lesson) => lesson.id),
  );
  return (
    <div className={styles.summary}>
      <p className={styles.summaryText} data-testid="progress-summary">
        {done} of {LESSONS.length} lessons done
      </p>
      <progress max={LESSONS.length} value={done} aria-label="Lessons done" className={styles.progress} />
      {Object.keys(progress).length > 0 && (
        <Button size="small" onClick={resetLessonProgress}>
          Reset progress
        </Button>
      )}
    </div>
  );
}
