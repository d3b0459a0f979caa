// A line chart drawn as plain SVG and HTML, with no chart library: what the
// server sends and what a page shows until the pointer comes to the chart
// (line-chart.tsx then swaps in the Recharts drawing for its tooltip). Both
// take the same domains and ticks (lib/charts/chart-scale.ts), colours and
// sizes, so the swap moves nothing.
//
// The plot is an SVG stretched to its box (preserveAspectRatio="none") with
// strokes that do not scale, so it needs no width to be drawn on the server;
// text and dots are HTML placed in percent, so they keep their size at any
// width. A dot is a zero-length stroke with a round cap: a circle whatever
// the stretch.
import { curveLinear, curveMonotoneX, line } from "d3-shape";
import { memo, useMemo } from "react";
import type { AxisScale, ChartScales } from "@/lib/charts/chart-scale";
import { seriesDrawing } from "@/lib/charts/series-drawing";
import type { ChartDrawingProps } from "./chart-drawing";
import type { ChartSeries } from "./line-chart";
import styles from "./line-chart.module.css";

/** The plot's SVG coordinates on both axes: 0–VIEW, stretched to the box. */
const VIEW = 1000;

// One formatter for every tick (toLocaleString builds a new one per call, and ticks are formatted many times per redraw).
const thousands = new Intl.NumberFormat("en-US");
/** A tick's text when the chart gives no formatter: thousands separated, else three significant digits. */
export const defaultFormat = (value: number) => (Math.abs(value) >= 1000 ? thousands.format(value) : String(Number(value.toPrecision(3))));

/** Sizes shared with the Recharts drawing (chart-drawing.tsx), so the two look alike. */
export const DRAWING = {
  margin: (hasRight: boolean) => ({ top: 12, right: hasRight ? 4 : 16, bottom: 4, left: 0 }),
  yAxisWidth: 52,
  rightAxisWidth: 56,
  xAxisHeight: 40,
  dot: { r: 3, strokeWidth: 1.5 },
  ring: { r: 6, strokeWidth: 3 },
  lineWidth: (series: Pick<ChartSeries, "faint">) => (series.faint ? 1.25 : 2.25),
  lineOpacity: (series: Pick<ChartSeries, "faint" | "opacity">) => series.opacity ?? (series.faint ? 0.55 : 1),
  lineDash: "6 4",
  markerDash: "4 4",
} as const;

/** Where a value falls along an axis, 0–1 from its start (clamped a little outside, so lines leaving the domain stay straight). */
function fraction(scale: AxisScale, value: number): number {
  const [start, end] = scale.domain;
  return end === start ? 0.5 : (value - start) / (end - start);
}
const percent = (value: number) => `${(value * 100).toFixed(3)}%`;
const round = (value: number) => Math.round(value * 10) / 10;

export function StaticDrawing({ scales, ...props }: ChartDrawingProps) {
  const { rows, xKey, xLabel, yLabel, rightLabel, series, markers = [], points = [], zones, height, formatX = defaultFormat, formatY = defaultFormat, formatRight = defaultFormat } = props;
  const hasRight = scales.right !== null;
  const margin = DRAWING.margin(hasRight);
  const xAt = (value: number) => fraction(scales.x, value);
  const yAt = (value: number, axis: "left" | "right" = "left") => 1 - fraction(axis === "right" && scales.right ? scales.right : scales.left, value);
  const inX = (value: number) => value >= scales.x.domain[0] && value <= scales.x.domain[1];

  // Only the rows, series and scales move the lines: a new marker (a Pick) redraws the marker alone.
  const paths = useMemo(() => seriesPaths(rows, xKey, series, scales), [rows, xKey, series, scales]);

  return (
    <div
      className={styles.static}
      style={{ height, paddingTop: margin.top, paddingRight: margin.right, paddingBottom: margin.bottom, paddingLeft: margin.left }}
      aria-hidden="true"
      data-chart-drawing="static"
    >
      <div
        className={styles.staticGrid}
        style={{ gridTemplateColumns: `${DRAWING.yAxisWidth}px minmax(0, 1fr)${hasRight ? ` ${DRAWING.rightAxisWidth}px` : ""}`, gridTemplateRows: `minmax(0, 1fr) ${DRAWING.xAxisHeight}px` }}
      >
        <div className={`${styles.axis} ${styles.yAxis}`}>
          {yLabel && <span className={`${styles.axisTitle} ${styles.yTitle}`}>{yLabel}</span>}
          {scales.left.ticks.map((tick) => (
            <span key={tick} className={styles.yTick} data-tick="left" style={{ top: percent(yAt(tick)) }}>
              {formatY(tick)}
            </span>
          ))}
        </div>
        <div className={styles.plot}>
          <svg className={styles.plotSvg} viewBox={`0 0 ${VIEW} ${VIEW}`} preserveAspectRatio="none">
            {zones.map((zone) => {
              const from = Math.max(zone.from, scales.x.domain[0]);
              const to = Math.min(zone.to, scales.x.domain[1]);
              if (!(to > from)) return null;
              return (
                <rect
                  key={`${zone.label}-${zone.from}`}
                  data-zone={zone.label}
                  x={round(xAt(from) * VIEW)}
                  y={0}
                  width={round((xAt(to) - xAt(from)) * VIEW)}
                  height={VIEW}
                  fill={zone.color}
                  fillOpacity={0.1}
                />
              );
            })}
            {scales.left.ticks.map((tick) => (
              <line key={tick} className={styles.gridLine} x1={0} x2={VIEW} y1={round(yAt(tick) * VIEW)} y2={round(yAt(tick) * VIEW)} vectorEffect="non-scaling-stroke" />
            ))}
            {markers
              .filter((marker) => inX(marker.x))
              .map((marker, index) => (
                <line
                  key={index}
                  x1={round(xAt(marker.x) * VIEW)}
                  x2={round(xAt(marker.x) * VIEW)}
                  y1={0}
                  y2={VIEW}
                  stroke={marker.color ?? "var(--text-muted)"}
                  strokeWidth={1.5}
                  strokeDasharray={marker.dashed ? DRAWING.markerDash : undefined}
                  vectorEffect="non-scaling-stroke"
                />
              ))}
            <SeriesLines paths={paths} />
            {points.map((point) =>
              inX(point.x) ? (
                <Dots key={`${point.color}-${point.x}-${point.y}`} at={[[round(xAt(point.x) * VIEW), round(yAt(point.y, point.axis) * VIEW)]]} color={point.color} {...DRAWING.ring} ring />
              ) : null,
            )}
          </svg>
          {markers
            .filter((marker) => inX(marker.x))
            .map((marker, index) => (
              <span
                key={index}
                className={marker.labelSide === "left" ? `${styles.markerLabel} ${styles.markerLabelLeft}` : styles.markerLabel}
                style={
                  marker.labelSide === "left"
                    ? { right: percent(1 - xAt(marker.x)), maxWidth: percent(xAt(marker.x)), top: (marker.labelRow ?? 0) * 16, color: marker.color ?? "var(--text-muted)" }
                    : { left: percent(xAt(marker.x)), maxWidth: percent(1 - xAt(marker.x)), top: (marker.labelRow ?? 0) * 16, color: marker.color ?? "var(--text-muted)" }
                }
              >
                {marker.label}
              </span>
            ))}
          {points.map((point) =>
            point.label && inX(point.x) ? (
              <span key={`${point.color}-${point.x}-${point.y}`} className={styles.pointLabel} style={{ left: percent(xAt(point.x)), top: percent(yAt(point.y, point.axis)), color: point.color }}>
                {point.label}
              </span>
            ) : null,
          )}
        </div>
        {scales.right && (
          <div className={`${styles.axis} ${styles.rightAxis}`}>
            {scales.right.ticks.map((tick) => (
              <span key={tick} className={styles.rightTick} data-tick="right" style={{ top: percent(yAt(tick, "right")) }}>
                {formatRight(tick)}
              </span>
            ))}
            {rightLabel && <span className={`${styles.axisTitle} ${styles.rightTitle}`}>{rightLabel}</span>}
          </div>
        )}
        <div className={`${styles.axis} ${styles.xAxis}`}>
          {scales.x.ticks.map((tick) => (
            <span key={tick} className={styles.xTick} data-tick="x" style={{ left: percent(xAt(tick)) }}>
              {formatX(tick)}
            </span>
          ))}
          <span className={`${styles.axisTitle} ${styles.xTitle}`}>{xLabel}</span>
        </div>
      </div>
      <ul className={styles.legend} data-chart-legend>
        {series.map((s) => (
          <li key={s.key}>
            <LegendIcon color={s.color} dashed={s.dashed} />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface SeriesPath {
  series: ChartSeries;
  /** The line, in the plot's 0–VIEW coordinates. */
  d: string;
  /** Where its dots go (for a series with dots). */
  dots: [number, number][];
}

/** Each series' line (and dots) in the plot's coordinates: straight segments for a dense series, a monotone curve otherwise. */
function seriesPaths(rows: ChartDrawingProps["rows"], xKey: string, series: readonly ChartSeries[], scales: ChartScales): SeriesPath[] {
  const drawing = seriesDrawing(rows, series);
  return series.map((s, index) => {
    const scale = s.axis === "right" && scales.right ? scales.right : scales.left;
    const points: [number, number][] = [];
    const defined: boolean[] = [];
    for (const row of rows) {
      const x = row[xKey];
      const y = row[s.key];
      if (typeof x !== "number" || !Number.isFinite(x)) continue;
      if (typeof y !== "number" || !Number.isFinite(y)) {
        if (!s.connectNulls) {
          points.push([0, 0]);
          defined.push(false);
        }
        continue;
      }
      points.push([round(fraction(scales.x, x) * VIEW), round((1 - fraction(scale, y)) * VIEW)]);
      defined.push(true);
    }
    const d =
      line()
        .defined((_, k) => defined[k])
        .curve(drawing[index] === "dense" ? curveLinear : curveMonotoneX)(points) ?? "";
    return { series: s, d, dots: s.dots ? points.filter((_, k) => defined[k]) : [] };
  });
}

/** The lines and their dots: memoised, so a redraw that leaves them alone (a moved marker) does not touch their long paths. */
const SeriesLines = memo(function SeriesLines({ paths }: { paths: SeriesPath[] }) {
  return (
    <>
      {paths.map(({ series: s, d }) => (
        <path
          key={s.key}
          data-series={s.key}
          d={d}
          fill="none"
          stroke={s.color}
          strokeWidth={DRAWING.lineWidth(s)}
          strokeOpacity={DRAWING.lineOpacity(s)}
          strokeDasharray={s.dashed ? DRAWING.lineDash : undefined}
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
        />
      ))}
      {paths.map(({ series: s, dots }) => dots.length > 0 && <Dots key={`dots-${s.key}`} at={dots} color={s.color} {...DRAWING.dot} seriesKey={s.key} />)}
    </>
  );
});

/**
 * Dots (a ring with the surface inside, like Recharts' line dots and
 * reference dots): two zero-length round-capped strokes per dot, the colour
 * and the surface over it, which stay round however the plot is stretched.
 */
function Dots({ at, color, r, strokeWidth, ring, seriesKey }: { at: [number, number][]; color: string; r: number; strokeWidth: number; ring?: boolean; seriesKey?: string }) {
  const d = at.map(([x, y]) => `M${x},${y}h0`).join("");
  return (
    <g data-dots={seriesKey} data-ring={ring || undefined} data-points={at.length}>
      <path d={d} stroke={color} strokeWidth={2 * r + strokeWidth} strokeLinecap="round" vectorEffect="non-scaling-stroke" />
      <path d={d} stroke="var(--surface)" strokeWidth={2 * r - strokeWidth} strokeLinecap="round" vectorEffect="non-scaling-stroke" />
    </g>
  );
}

/** Recharts' legend icon for a line: a stroke through a small circle. */
function LegendIcon({ color, dashed }: { color: string; dashed?: boolean }) {
  return (
    <svg className={styles.legendIcon} width={14} height={14} viewBox="0 0 32 32" aria-hidden="true">
      <path strokeWidth={4} fill="none" stroke={color} strokeDasharray={dashed ? "6 4" : undefined} d="M0,16h10.67A5.33,5.33,0,1,1,21.33,16H32M21.33,16A5.33,5.33,0,1,1,10.67,16" />
    </svg>
  );
}
