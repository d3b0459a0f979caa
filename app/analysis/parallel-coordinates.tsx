"use client";
// Parallel coordinates: one vertical axis per setting, then best quality and
// best epoch; one line per run. Drag along an axis to keep a range (a brush),
// or use the filter form below the chart by keyboard. Brushes go into the URL
// without a reload; the list under the chart follows them.
//
// The lines (hundreds of paths) are one string of markup: the server render
// draws them, hydration leaves them as they are (nothing to hydrate, nothing
// computed at load), and they are redrawn here only when a brush or the rows
// change.
import { useMemo, useRef, useState, type FormEvent, type PointerEvent as ReactPointerEvent } from "react";
import Link from "next/link";
import { useHydrated } from "@/app/ui/use-hydrated";
import { describePopulationRun, formatAxisValue, formatBrush, PARALLEL_AXES, parseAxisInput, populationRunHref, type Brush, type ParallelAxisKey } from "@/lib/analysis/axes";
import type { PopulationKey } from "@/lib/analysis/keys";
import { axisRecord, axisX, HEIGHT, linesMarkup, matchingRows, PLOT_HEIGHT, roundRange, scalesOf, TOP, WIDTH, type RowValues } from "./parallel-geometry";
import styles from "./analysis.module.css";
import { Button } from "@/app/ui/button";

/**
 * The rows of one chart, compact to send: each row's values in PARALLEL_AXES
 * order; stored runs with their names and links, a population's runs named
 * and linked here from their values (only the few listed need it).
 */
export type ParallelRows = { kind: "runs"; values: RowValues[]; labels: string[]; hrefs: string[] } | { kind: "population"; values: RowValues[]; vary: PopulationKey[] };

/** A listed row's name and link. */
function rowLink(rows: ParallelRows, index: number): { label: string; href: string } {
  if (rows.kind === "runs") return { label: rows.labels[index], href: rows.hrefs[index] };
  const values = axisRecord(rows.values[index]);
  return { label: describePopulationRun(values, rows.vary), href: populationRunHref(values) };
}

interface Props {
  /** Names the chart for screen readers and ids ("runs", "population"). */
  id: string;
  title: string;
  rows: ParallelRows;
  /** URL parameter the brush is kept in. */
  param: "runsBrush" | "popBrush";
  initialBrush: Brush;
  /** What one row is called in the list ("run", "simulated run"). */
  noun: string;
  /** Rows listed under the chart, best quality first. */
  listLimit?: number;
}

const QUALITY = PARALLEL_AXES.findIndex((axis) => axis.key === "bestQuality");
const BEST_EPOCH = PARALLEL_AXES.findIndex((axis) => axis.key === "bestEpoch");

/**
 * The lines' markup: drawn in the server render; during hydration left to the
 * markup the server sent (an empty string React does not compare, with
 * suppressHydrationWarning); drawn here once the brush or the rows change, or
 * when the chart first appears after a client-side navigation.
 */
function useLinesMarkup(values: readonly RowValues[], scales: ReturnType<typeof scalesOf>, matching: readonly boolean[], brush: Brush): string {
  const hydrating = !useHydrated();
  const [server] = useState(() => ({ values, brush, keep: hydrating && typeof window !== "undefined" }));
  const untouched = server.keep && server.values === values && server.brush === brush;
  return useMemo(() => (untouched ? "" : linesMarkup(values, scales, matching, styles.lineMuted)), [untouched, values, scales, matching]);
}

export function ParallelCoordinates({ id, title, rows, param, initialBrush, noun, listLimit = 12 }: Props) {
  const [brush, setBrush] = useState<Brush>(initialBrush);
  const [drag, setDrag] = useState<{ key: ParallelAxisKey; startY: number; endY: number } | null>(null);
  const [formAxis, setFormAxis] = useState<ParallelAxisKey>("learningRate");
  const [formError, setFormError] = useState<string | null>(null);
  // False in the server render, true once hydrated: dragging needs the handlers, and tests wait for it.
  const interactive = useHydrated();
  const svgRef = useRef<SVGSVGElement>(null);
  const scales = useMemo(() => scalesOf(rows.values), [rows.values]);
  const matching = useMemo(() => matchingRows(rows.values, brush), [rows.values, brush]);
  const matchCount = useMemo(() => matching.filter(Boolean).length, [matching]);
  const listed = useMemo(
    () =>
      rows.values
        .map((_, i) => i)
        .filter((i) => matching[i])
        .sort((a, b) => rows.values[b][QUALITY] - rows.values[a][QUALITY])
        .slice(0, listLimit),
    [rows.values, matching, listLimit],
  );
  const lines = useLinesMarkup(rows.values, scales, matching, brush);

  function commit(next: Brush) {
    setBrush(next);
    const url = new URL(window.location.href);
    const text = formatBrush(next);
    if (text) url.searchParams.set(param, text);
    else url.searchParams.delete(param);
    window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
  }

  function setRange(key: ParallelAxisKey, range: { from: number; to: number } | null) {
    const next: Brush = { ...brush };
    if (range) next[key] = range;
    else delete next[key];
    commit(next);
  }

  function svgY(event: ReactPointerEvent): number {
    const matrix = svgRef.current?.getScreenCTM();
    if (!matrix) return 0;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return point.y;
  }

  function onPointerDown(key: ParallelAxisKey, event: ReactPointerEvent<SVGRectElement>) {
    event.currentTarget.setPointerCapture(event.pointerId);
    const y = svgY(event);
    setDrag({ key, startY: y, endY: y });
  }

  function onPointerMove(event: ReactPointerEvent<SVGRectElement>) {
    if (drag) setDrag({ ...drag, endY: svgY(event) });
  }

  function onPointerUp(event: ReactPointerEvent<SVGRectElement>) {
    if (!drag) return;
    const endY = svgY(event);
    const index = PARALLEL_AXES.findIndex((a) => a.key === drag.key);
    const axis = PARALLEL_AXES[index];
    const scale = scales[index];
    setDrag(null);
    // A click without a drag clears that axis.
    if (Math.abs(endY - drag.startY) < 4) setRange(drag.key, null);
    else setRange(drag.key, roundRange(axis, scale.fromY(Math.max(drag.startY, endY)), scale.fromY(Math.min(drag.startY, endY))));
  }

  function onSubmitFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = parseAxisInput(formAxis, String(data.get("from") ?? ""));
    const to = parseAxisInput(formAxis, String(data.get("to") ?? ""));
    const axis = PARALLEL_AXES.find((a) => a.key === formAxis)!;
    if (!Number.isFinite(from) || !Number.isFinite(to)) {
      setFormError(axis.categories ? `Type two of ${axis.categories.join(", ")} (the same one twice keeps just it).` : "Type two numbers, for example 5 and 10, or 1e-5 and 3e-4.");
      return;
    }
    if (axis.categories && (from > to ? to : from) < 0) {
      setFormError(`Type two of ${axis.categories.join(", ")}.`);
      return;
    }
    if (from > to) {
      setFormError("“From” must not be above “to”.");
      return;
    }
    setFormError(null);
    setRange(axis.key, { from, to });
  }

  const active = PARALLEL_AXES.filter((axis) => brush[axis.key]);
  const summary = `${matchCount} of ${rows.values.length} ${noun}s match`;

  return (
    <div className={styles.parallel} data-interactive={interactive ? "true" : undefined}>
      <div className={styles.chartScroll} tabIndex={0} role="region" aria-label={`${title} (scrolls sideways on narrow screens)`}>
        <svg
          ref={svgRef}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className={styles.parallelSvg}
          role="img"
          aria-label={`${title}: ${rows.values.length} ${noun}s over ${PARALLEL_AXES.length} axes; ${summary.toLowerCase()}.`}
        >
          <g fill="none" strokeWidth={1.2} dangerouslySetInnerHTML={{ __html: lines }} suppressHydrationWarning />
          {PARALLEL_AXES.map((axis, i) => {
            const x = axisX(i);
            const scale = scales[i];
            const range = brush[axis.key];
            const dragging = drag?.key === axis.key ? drag : null;
            return (
              <g key={axis.key}>
                <line x1={x} x2={x} y1={TOP} y2={TOP + PLOT_HEIGHT} className={styles.axisLine} />
                <text x={x} y={TOP - 24} textAnchor="middle" className={styles.axisLabel}>
                  {axis.short}
                </text>
                {axis.categories ? (
                  axis.categories.map((label, k) => (
                    <text key={label} x={x + 4} y={scale.toY(k) + 4} className={styles.axisCategory}>
                      {axis.categoryShort ? <title>{label}</title> : null}
                      {axis.categoryShort?.[k] ?? label}
                    </text>
                  ))
                ) : (
                  <>
                    <text x={x} y={TOP - 8} textAnchor="middle" className={styles.axisTick}>
                      {scale.constant ? "" : formatAxisValue(axis.key, scale.max)}
                    </text>
                    <text x={x} y={TOP + PLOT_HEIGHT + 18} textAnchor="middle" className={styles.axisTick}>
                      {scale.constant ? `all ${formatAxisValue(axis.key, rows.values[0]?.[i] ?? 0)}` : formatAxisValue(axis.key, scale.min)}
                    </text>
                  </>
                )}
                {range && !dragging && <rect x={x - 7} width={14} y={scale.toY(range.to)} height={Math.max(3, scale.toY(range.from) - scale.toY(range.to))} className={styles.brush} />}
                {dragging && <rect x={x - 7} width={14} y={Math.min(dragging.startY, dragging.endY)} height={Math.abs(dragging.endY - dragging.startY)} className={styles.brush} />}
                <rect
                  x={x - 16}
                  width={32}
                  y={TOP - 4}
                  height={PLOT_HEIGHT + 8}
                  className={styles.brushTarget}
                  data-axis={axis.key}
                  onPointerDown={(event) => onPointerDown(axis.key, event)}
                  onPointerMove={onPointerMove}
                  onPointerUp={onPointerUp}
                  onPointerCancel={() => setDrag(null)}
                />
              </g>
            );
          })}
        </svg>
      </div>
      <p className={styles.hint}>Drag along an axis to keep a range; click an axis to clear it. Line colour is best quality (yellow is higher). On a narrow screen the chart scrolls sideways.</p>

      <form className={styles.filterForm} onSubmit={onSubmitFilter} aria-label={`Filter ${noun}s`} noValidate>
        <div className={styles.filterField}>
          <label htmlFor={`${id}-axis`}>Axis</label>
          <select id={`${id}-axis`} value={formAxis} onChange={(event) => setFormAxis(event.target.value as ParallelAxisKey)}>
            {PARALLEL_AXES.map((axis) => (
              <option key={axis.key} value={axis.key}>
                {axis.label}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filterField}>
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} name="from" inputMode="decimal" autoComplete="off" aria-invalid={formError ? true : undefined} aria-describedby={formError ? `${id}-filter-error` : undefined} />
        </div>
        <div className={styles.filterField}>
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} name="to" inputMode="decimal" autoComplete="off" aria-invalid={formError ? true : undefined} aria-describedby={formError ? `${id}-filter-error` : undefined} />
        </div>
        <Button type="submit" size="small">
          Keep range
        </Button>
        {formError && (
          <p id={`${id}-filter-error`} className={styles.error} role="alert">
            {formError}
          </p>
        )}
      </form>

      {active.length > 0 && (
        <ul className={styles.chips} aria-label="Kept ranges">
          {active.map((axis) => (
            <li key={axis.key}>
              <span>
                {axis.label} {formatAxisValue(axis.key, brush[axis.key]!.from)}–{formatAxisValue(axis.key, brush[axis.key]!.to)}
              </span>
              <Button size="small" onClick={() => setRange(axis.key, null)} aria-label={`Remove the ${axis.label.toLowerCase()} range`}>
                ×
              </Button>
            </li>
          ))}
          <li>
            <Button size="small" onClick={() => commit({})}>
              Clear all
            </Button>
          </li>
        </ul>
      )}

      <h3 className={styles.listTitle} id={`${id}-matches`} aria-live="polite">
        {summary}
      </h3>
      {listed.length === 0 ? (
        <p className="muted">No {noun} lies inside every kept range. Widen or remove a range.</p>
      ) : (
        <ol className={styles.matchList} aria-labelledby={`${id}-matches`}>
          {listed.map((row) => {
            const { label, href } = rowLink(rows, row);
            return (
              <li key={row}>
                <Link href={href} prefetch={false}>
                  {label}
                </Link>
                <span className={styles.matchFigures}>
                  quality {rows.values[row][QUALITY].toFixed(2)} at epoch {rows.values[row][BEST_EPOCH]}
                </span>
              </li>
            );
          })}
          {matchCount > listed.length && <li className="muted">and {matchCount - listed.length} more</li>}
        </ol>
      )}
    </div>
  );
}
