import type { Metadata } from "next";
import Link from "next/link";
import { LESSONS } from "@/lib/lessons";
import { LessonStatus, ProgressSummary } from "./lesson-status";
import styles from "./learn.module.css";

export const metadata: Metadata = { title: "Learn" };

export default function LearnPage() {
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Learn</h1>
          <p>Short lessons on how the settings interact, each built on one rule of Scenario&apos;s guide and checked against the simulator.</p>
        </div>
        <ProgressSummary />
      </div>
      <ol className={styles.list}>
        {LESSONS.map((lesson, i) => (
          <li key={lesson.id} className={`card ${styles.item}`}>
            <div className={styles.itemHead}>
              <h2 className={styles.itemTitle}>
                <span className={styles.number}>{i + 1}.</span> <Link href={`/learn/${lesson.id}`}>{lesson.title}</Link>
              </h2>
              <LessonStatus id={lesson.id} />
            </div>
            <p className={styles.quote}>“{lesson.sentences[0]}”</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
