import Link from "next/link";
import { LESSONS } from "@/lib/lessons";
import styles from "../learn.module.css";

// /learn/<unknown>: a mistyped or retired lesson link leads back to the lessons.
export default function LessonNotFound() {
  const first = LESSONS[0];
  return (
    <div className="page">
      <div className="card empty-state">
        <h1>No such lesson</h1>
        <p className="muted">This lesson does not exist, or its link has changed. All {LESSONS.length} lessons are listed on the Learn page.</p>
        <p className={styles.notFoundActions}>
          <Link href="/learn" className="button button-primary">
            All lessons
          </Link>
          {first && (
            <Link href={`/learn/${first.id}`} className="button">
              Start with lesson 1
            </Link>
          )}
        </p>
      </div>
    </div>
  );
}
