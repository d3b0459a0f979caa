import type { Metadata } from "next";
import Link from "next/link";
import { LESSONS } from "@/lib/learn";
import { LessonStatus, ProgressSummary } from "./lesson-status";
import styles from "./learn.module.css";
import { PageHeader } from "@/app/ui/page-header";

export const metadata: Metadata = { title: "Learn" };

export default function LearnPage() {
  return (
    <div className="page">
      <PageHeader title="Learn" description="Short lessons on how the settings interact, each built on one rule of Scenario's guide and checked against the simulator." actions={<ProgressSummary />} />
      <ol className={`plain-list ${styles.list}`}>
        {LESSONS.map((lesson, i) => (
          <li key={lesson.id} className={`card ${styles.item}`}>
            <div className={`panel-head ${styles.itemHead}`}>
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
