import { LESSONS } from "@/lib/learn";
import styles from "../learn.module.css";
import { ButtonLink } from "@/app/ui/button";
import { EmptyState } from "@/app/ui/empty-state";

// /learn/<unknown>: a mistyped or retired lesson link leads back to the lessons.
export default function LessonNotFound() {
  const first = LESSONS[0];
  return (
    <div className="page">
      <EmptyState level={1} title="No such lesson" description={`This lesson does not exist, or its link has changed. All ${LESSONS.length} lessons are listed on the Learn page.`}>
        <p className={styles.notFoundActions}>
          <ButtonLink href="/learn" variant="primary">
            All lessons
          </ButtonLink>
          {first && <ButtonLink href={`/learn/${first.id}`}>Start with lesson 1</ButtonLink>}
        </p>
      </EmptyState>
    </div>
  );
}
