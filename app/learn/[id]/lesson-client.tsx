"use client";
// A lesson's interactive part: its runs overlaid (metric and runs to show are
// the learner's choice), the question with feedback computed from the
// simulator, and links that open each run in the playground.
import { useId, useMemo, useState } from "react";
import Link from "next/link";
import { coincidingRuns, feedbackFor, getLesson, LESSON_METRICS, lessonRows, lessonTable, METRIC_LABELS, runLesson, variantSettings, type Feedback, type LessonMetric } from "@/lib/learn";
import { playgroundHref } from "@/lib/playground";
import { formatScore } from "@/lib/format";
import { LineChart } from "@/app/ui/charts/line-chart";
import { saveLessonAnswer, useLessonProgress } from "../progress-store";
import styles from "../learn.module.css";
import { AnswerFeedback, CheckAnswerRow } from "./answer-check";

const VARIANT_COLORS = ["var(--series-1)", "var(--series-2)", "var(--series-3)"];

export function LessonClient({ lessonId }: { lessonId: string }) {
  const lesson = getLesson(lessonId)!;
  const runs = useMemo(() => runLesson(lesson), [lesson]);
  const [metric, setMetric] = useState<LessonMetric>(lesson.metric);
  const [hidden, setHidden] = useState<string[]>([]);
  const [choice, setChoice] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const progress = useLessonProgress()[lesson.id];
  const id = useId();

  // The chart's rows and series change only with the runs shown and the metric: an answer chosen leaves its lines alone.
  const visible = useMemo(() => runs.filter((run) => !hidden.includes(run.variant.id)), [runs, hidden]);
  const series = useMemo(
    () =>
      runs
        .map((run, i) => ({ key: run.variant.id, label: run.variant.label, color: VARIANT_COLORS[i], dots: lesson.xAxis === "epoch", connectNulls: true, dashed: i === 2 }))
        .filter((s) => !hidden.includes(s.key)),
    [runs, hidden, lesson.xAxis],
  );
  const rows = useMemo(() => lessonRows(visible, metric, lesson.xAxis), [visible, metric, lesson.xAxis]);
  const isScore = metric !== "validationLoss";
  const table = useMemo(() => lessonTable(runs, lesson.metric), [runs, lesson.metric]);
  const labelOf = (variantId: string) => runs.find((run) => run.variant.id === variantId)?.variant.label ?? variantId;
  const hiddenUnder = coincidingRuns(visible, metric);

  function check(event: React.FormEvent) {
    event.preventDefault();
    if (!choice) return;
    const result = feedbackFor(lesson, runs, choice);
    setFeedback(result);
    saveLessonAnswer(lesson.id, { choice, correct: result.correct });
  }

  return (
    <>
      <section className={`card ${styles.panel}`} aria-labelledby={`${id}-chart`}>
        <div className="panel-head">
          <h2 id={`${id}-chart`}>Compare the runs</h2>
          <div className={styles.metricPicker}>
            <label htmlFor={`${id}-metric`}>Show</label>
            <select id={`${id}-metric`} value={metric} onChange={(event) => setMetric(event.target.value as LessonMetric)}>
              {LESSON_METRICS.map((m) => (
                <option key={m} value={m}>
                  {METRIC_LABELS[m]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className={styles.toggles}>
          <legend className="visually-hidden">Runs to show</legend>
          {runs.map((run, i) => (
            <label key={run.variant.id} className={`check-label ${styles.toggle}`}>
              <input
                type="checkbox"
                checked={!hidden.includes(run.variant.id)}
                onChange={(event) => setHidden((current) => (event.target.checked ? current.filter((h) => h !== run.variant.id) : [...current, run.variant.id]))}
              />
              <span className={styles.swatch} style={{ borderColor: VARIANT_COLORS[i], borderStyle: i === 2 ? "dashed" : "solid" }} aria-hidden="true" />
              {run.variant.label}
            </label>
          ))}
        </fieldset>
        <LineChart
          rows={rows}
          xKey={lesson.xAxis}
          xLabel={lesson.xAxis === "epoch" ? "Epoch" : "Step"}
          xDomain={lesson.xAxis === "epoch" ? [1, "dataMax"] : [0, "dataMax"]}
          series={series}
          yDomain={isScore ? [0, 1] : ["auto", "auto"]}
          formatY={isScore ? formatScore : (value) => value.toFixed(3)}
          label={`${METRIC_LABELS[metric]} by ${lesson.xAxis} for ${visible.map((run) => run.variant.label).join("; ") || "no runs"}.`}
        />
        {hiddenUnder.map((pair) => (
          <p key={`${pair.shorter}-${pair.longer}`} className={styles.overlapNote} data-testid="overlap-note">
            “{labelOf(pair.shorter)}” lies exactly under “{labelOf(pair.longer)}” for its {pair.epochs} epochs: uncheck one to see the other.
          </p>
        ))}
        <details className={styles.numbers}>
          <summary>The runs in numbers</summary>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  {table.columns.map((column) => (
                    <th key={column.key} scope="col" className="num">
                      {column.label}
                    </th>
                  ))}
                  <th scope="col">Last epoch</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.id}>
                    <td>{row.label}</td>
                    {table.columns.map((column) => (
                      <td key={column.key} className="num">
                        {row.cells[column.key]}
                      </td>
                    ))}
                    <td>{row.lastVerdict}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <ul className={styles.playLinks}>
          {runs.map((run) => (
            <li key={run.variant.id}>
              <Link href={playgroundHref(variantSettings(run.variant), run.variant.batchRule)}>Open “{run.variant.label}” in the playground</Link>
            </li>
          ))}
        </ul>
      </section>

      <section className={`card ${styles.panel}`} aria-labelledby={`${id}-question`}>
        <form onSubmit={check}>
          <fieldset className={styles.question}>
            <legend id={`${id}-question`} className={styles.questionLegend}>
              {lesson.question.prompt}
            </legend>
            {lesson.question.choices.map((c) => (
              <label key={c.id} className={`check-label ${styles.choice}`}>
                <input
                  type="radio"
                  name={`${id}-answer`}
                  value={c.id}
                  checked={choice === c.id}
                  onChange={() => {
                    setChoice(c.id);
                    setFeedback(null);
                  }}
                />
                {c.label}
              </label>
            ))}
          </fieldset>
          <CheckAnswerRow disabled={!choice}>{progress?.correct && !feedback && <span className="badge badge-balanced">Done before</span>}</CheckAnswerRow>
        </form>
        <AnswerFeedback feedback={feedback} testId="lesson-feedback" />
      </section>
    </>
  );
}
