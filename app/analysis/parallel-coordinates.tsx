"use client";
// Parallel coordinates: one vertical axis per setting, then best quality and
// best epoch; one line per run. Drag along an axis to keep a range (a brush),
// or use the filter form below the chart by keyboard. Brushes go into the URL
// without a reload; the list under the chart follows them.
import { useMemo, useRef, useState, type FormEvent, type PointerEvent as ReactPointerEvent } from "react";
import Link from "next/link";
import { useHydrated } from "@/app/ui/use-hydrated";
import { formatAxisValue, formatBrush, PARALLEL_AXES, parseAxisInput, passesBrush, type AxisValues, type Brush, type ParallelAxis, type ParallelAxisKey } from "@/lib/analysis/axes";
import { rampColor } from "@/lib/sweep/color";
import styles from "./analysis.module.css";
import { Button } from "@/app/ui/button";

export interface ParallelRow {
  id: string;
  label: string;
  href: string;
  values: AxisValues;
}

interface Props {
  /** Names the chart for screen readers and ids ("runs", "population"). */
  id: string;
  title: string;
  rows: ParallelRow[];
  /** URL parameter the brush is kept in. */
  param: "runsBrush" | "popBrush";
  initialBrush: Brush;
  /** What one row is called in the list ("run", "simulated run"). */
  noun: string;
  /** Rows listed under the chart, best quality first. */
  listLimit?: number;
}

/** Room per axis: 16 axes need more than a laptop screen's width, so the chart scrolls sideways below it. */
const AXIS_GAP = 70;
const WIDTH = Math.max(960, 2 * 46 + AXIS_GAP * (PARALLEL_AXES.length - 1));
const HEIGHT = 330;
const TOP = 44;
const BOTTOM = 36;
const SIDE = 46;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

interface Scale {
  /** Every row has the same value: the axis shows it once. */
  constant: boolean;
  toY: (value: number) => number;
  fromY: (y: number) => number;
  min: number;
  max: number;
}

function scaleFor(axis: ParallelAxis, rows: ParallelRow[]): Scale {
  const values = rows.map((row) => row.values[axis.key]);
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (axis.categories) {
    // A choice axis always shows every option, at fixed positions.
    const constant = !Number.isFinite(min) || min === max;
    const last = Math.max(1, axis.categories.length - 1);
    return {
      constant,
      min: 0,
      max: last,
      toY: (value) => TOP + (1 - Math.min(1, Math.max(0, value / last))) * PLOT_HEIGHT,
      fromY: (y) => Math.min(1, Math.max(0, 1 - (y - TOP) / PLOT_HEIGHT)) * last,
    };
  }
  if (!Number.isFinite(min)) [min, max] = [0, 1];
  const log = axis.scale === "log" && min > 0;
  const constant = max === min;
  if (constant) {
    min = log ? min / 2 : min - 1;
    max = log ? max * 2 : max + 1;
  }
  const t = (value: number) => (log ? Math.log(value) - Math.log(min) : value - min) / (log ? Math.log(max) - Math.log(min) : max - min);
  const inverse = (u: number) => (log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min));
  return {
    constant,
    min,
    max,
    toY: (value) => TOP + (1 - Math.min(1, Math.max(0, t(value)))) * PLOT_HEIGHT,
    fromY: (y) => inverse(Math.min(1, Math.max(0, 1 - (y - TOP) / PLOT_HEIGHT))),
  };
}

function axisX(index: number): number {
  return SIDE + (index * (WIDTH - 2 * SIDE)) / (PARALLEL_AXES.length - 1);
}

/** A range as typed or dragged, rounded to what the axis shows. */
function roundRange(axis: ParallelAxis, from: number, to: number): { from: number; to: number } {
  const round = (value: number) => (axis.integer ? Math.round(value) : Number(value.toPrecision(3)));
  return from <= to ? { from: round(from), to: round(to) } : { from: round(to), to: round(from) };
}

export function ParallelCoordinates({ id, title, rows, param, initialBrush, noun, listLimit = 12 }: Props) {
  const [brush, setBrush] = useState<Brush>(initialBrush);
  const [drag, setDrag] = useState<{ key: ParallelAxisKey; startY: number; endY: number } | null>(null);
  const [formAxis, setFormAxis] = useState<ParallelAxisKey>("learningRate");
  const [formError, setFormError] = useState<string | null>(null);
  // Set once hydrated: dragging needs the handlers, and tests wait for it.
  // False in the server render, true once hydrated (so tests wait for brushing to work).
  const interactive = useHydrated();
  const svgRef = useRef<SVGSVGElement>(null);
  const scales = useMemo(() => new Map(PARALLEL_AXES.map((axis) => [axis.key, scaleFor(axis, rows)])), [rows]);
  const qualityScale = scales.get("bestQuality")!;

  const matching = useMemo(() => rows.filter((row) => passesBrush(row.values, brush)), [rows, brush]);
  const matchingIds = useMemo(() => new Set(matching.map((row) => row.id)), [matching]);
  const listed = useMemo(() => [...matching].sort((a, b) => b.values.bestQuality - a.values.bestQuality).slice(0, listLimit), [matching, listLimit]);
  const paths = useMemo(
    () =>
      rows.map((row) => ({
        id: row.id,
        d: PARALLEL_AXES.map((axis, i) => `${i === 0 ? "M" : "L"}${axisX(i).toFixed(1)},${scales.get(axis.key)!.toY(row.values[axis.key]).toFixed(1)}`).join(""),
        color: rampColor("viridis", (row.values.bestQuality - qualityScale.min) / (qualityScale.max - qualityScale.min || 1)),
      })),
    [rows, scales, qualityScale],
  );

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
    const axis = PARALLEL_AXES.find((a) => a.key === drag.key)!;
    const scale = scales.get(drag.key)!;
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
  const summary = `${matching.length} of ${rows.length} ${noun}s match`;

  return (
    <div className={styles.parallel} data-interactive={interactive ? "true" : undefined}>
      <div className={styles.chartScroll} tabIndex={0} role="region" aria-label={`${title} (scrolls sideways on narrow screens)`}>
        <svg
          ref={svgRef}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className={styles.parallelSvg}
          role="img"
          aria-label={`${title}: ${rows.length} ${noun}s over ${PARALLEL_AXES.length} axes; ${summary.toLowerCase()}.`}
        >
          <g fill="none" strokeWidth={1.2}>
            {paths
              .filter((path) => !matchingIds.has(path.id))
              .map((path) => (
                <path key={path.id} d={path.d} className={styles.lineMuted} />
              ))}
            {paths
              .filter((path) => matchingIds.has(path.id))
              .map((path) => (
                <path key={path.id} d={path.d} stroke={path.color} strokeOpacity={rows.length > 200 ? 0.35 : 0.8} />
              ))}
          </g>
          {PARALLEL_AXES.map((axis, i) => {
            const x = axisX(i);
            const scale = scales.get(axis.key)!;
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
                      {scale.constant ? `all ${formatAxisValue(axis.key, rows[0]?.values[axis.key] ?? 0)}` : formatAxisValue(axis.key, scale.min)}
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
          {listed.map((row) => (
            <li key={row.id}>
              <Link href={row.href} prefetch={false}>
                {row.label}
              </Link>
              <span className={styles.matchFigures}>
                quality {row.values.bestQuality.toFixed(2)} at epoch {row.values.bestEpoch}
              </span>
            </li>
          ))}
          {matching.length > listed.length && <li className="muted">and {matching.length - listed.length} more</li>}
        </ol>
      )}
    </div>
  );
}
