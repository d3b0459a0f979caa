import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLesson, LESSONS, neighbours, RESEARCH_NOTES } from "@/lib/learn";
import { LessonClient } from "./lesson-client";
import { EarlyStoppingExercise } from "./early-stopping-exercise";

/** The lesson the early-stopping exercise belongs to: choosing the epoch to keep. */
const EARLY_STOPPING_LESSON = "best-epoch";
import styles from "../learn.module.css";
import { ButtonLink } from "@/app/ui/button";
import { Alert } from "@/app/ui/alert";

type Props = { params: Promise<{ id: string }> };

export function generateStaticParams() {
  return LESSONS.map((lesson) => ({ id: lesson.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = getLesson((await params).id);
  return { title: lesson ? lesson.title : "Lesson not found" };
}

export default async function LessonPage({ params }: Props) {
  const { id } = await params;
  const lesson = getLesson(id);
  if (!lesson) notFound();
  const { previous, next } = neighbours(id);
  const index = LESSONS.indexOf(lesson);
  return (
    <div className="page stack">
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link href="/learn">Learn</Link> <span aria-hidden="true">/</span> Lesson {index + 1} of {LESSONS.length}
      </nav>
      <header>
        <h1>{lesson.title}</h1>
        <figure className={styles.article}>
          {lesson.sentences.map((sentence) => (
            <blockquote key={sentence} className={styles.blockquote}>
              <p>{sentence}</p>
            </blockquote>
          ))}
          <figcaption className="muted">{lesson.source === "research" ? RESEARCH_NOTES.source : "Scenario, “LoRA training settings”"}</figcaption>
        </figure>
        <p>{lesson.intro}</p>
        {lesson.note && <Alert className={styles.note}>{lesson.note}</Alert>}
      </header>
      <LessonClient lessonId={lesson.id} />
      {lesson.id === EARLY_STOPPING_LESSON && <EarlyStoppingExercise />}
      <nav aria-label="Lessons" className={styles.pager}>
        {previous ? <ButtonLink href={`/learn/${previous.id}`}>← {previous.title}</ButtonLink> : <span />}
        {next ? (
          <ButtonLink href={`/learn/${next.id}`} variant="primary">
            Next: {next.title} →
          </ButtonLink>
        ) : (
          <ButtonLink href="/learn" variant="primary">
            All lessons
          </ButtonLink>
        )}
      </nav>
    </div>
  );
}
