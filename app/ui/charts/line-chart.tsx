"use client";
// Every line chart of Epoch Lab goes through this wrapper: pages pass plain
// rows and a typed series config; colours come from the theme's CSS variables
// (--series-1…6, --underfit/--balanced/--overfit), so charts follow light and dark.
import dynamic from "next/dynamic";
import { memo, type CSSProperties } from "react";
import styles from "./line-chart.module.css";

export type ChartRow = Record<string, number | null | undefined>;

export interface ChartSeries {
  /** Key of the value in each row. */
  key: string;
  label: string;
  /** A CSS colour, usually a theme variable such as "var(--series-1)". */
  color: string;
  dashed?: boolean;
  /** "right" plots on a second y axis (for example a loss next to 0–1 scores). */
  axis?: "left" | "right";
  /** Draw a dot at each point (for per-epoch series). */
  dots?: boolean;
  /** Thinner, fainter line (for ghost or background series). */
  faint?: boolean;
  /** Line opacity, 0–1, overriding the default (1, or 0.55 when faint). */
  opacity?: number;
  /** Connect across missing values (a per-epoch series on a per-step x axis). */
  connectNulls?: boolean;
}

export interface ChartMarker {
  x: number;
  label: string;
  color?: string;
  dashed?: boolean;
  /** Which side of the line the label sits on (default "right"; use "left" near the right edge). */
  labelSide?: "left" | "right";
  /** Stack labels of nearby markers: row 1 sits one line below row 0. */
  labelRow?: number;
}

/** A ringed dot at one point of the chart (for example each run's recommended epoch on its own curve). */
export interface ChartPoint {
  x: number;
  y: number;
  /** A CSS colour, usually the colour of the series the point belongs to. */
  color: string;
  /** Short text drawn above the dot (leave out when several points may overlap). */
  label?: string;
  axis?: "left" | "right";
}

export interface ChartZone {
  from: number;
  to: number;
  label: string;
  /** A CSS colour for the fill (drawn faint). */
  color: string;
}

export interface LineChartProps {
  rows: ChartRow[];
  xKey: string;
  xLabel: string;
  yLabel?: string;
  rightLabel?: string;
  series: ChartSeries[];
  markers?: ChartMarker[];
  points?: ChartPoint[];
  zones?: ChartZone[];
  height?: number;
  yDomain?: [number | "auto" | "dataMin" | "dataMax", number | "auto" | "dataMin" | "dataMax"];
  rightDomain?: [number | "auto" | "dataMin" | "dataMax", number | "auto" | "dataMin" | "dataMax"];
  xDomain?: [number | "dataMin" | "dataMax", number | "dataMin" | "dataMax"];
  formatX?: (value: number) => string;
  formatY?: (value: number) => string;
  formatRight?: (value: number) => string;
  /** Explicit x axis ticks (for example every epoch). */
  xTicks?: number[];
  /** Show a key of the shaded zones under the chart (default true when there are zones). */
  zoneKey?: boolean;
  /** Short description read by screen readers; a data table should sit beside every chart. */
  label: string;
}

// One formatter for every tick (toLocaleString builds a new one per call, and ticks are formatted many times per redraw).
const thousands = new Intl.NumberFormat("en-US");
const defaultFormat = (value: number) => (Math.abs(value) >= 1000 ? thousands.format(value) : String(Number(value.toPrecision(3))));

/**
 * The drawing itself (Recharts, the largest script of the app) loads after the
 * page has hydrated and draws in its own render, so a page's text and controls
 * are usable first; the figure keeps the chart's height meanwhile.
 */
const ChartDrawing = dynamic(() => import("./chart-drawing").then((m) => m.ChartDrawing), {
  ssr: false,
  loading: () => <div className={styles.drawing} aria-hidden="true" />,
});

/**
 * A line chart. Memoised: a re-render of the page that passes the same rows,
 * series and markers (memoise them) leaves the chart alone.
 */
export const LineChart = memo(function LineChart({
  rows,
  xKey,
  xLabel,
  yLabel,
  rightLabel,
  series,
  markers = [],
  points = [],
  zones = [],
  height = 280,
  yDomain = ["auto", "auto"],
  rightDomain = ["auto", "auto"],
  xDomain = ["dataMin", "dataMax"],
  formatX = defaultFormat,
  formatY = defaultFormat,
  formatRight = defaultFormat,
  xTicks,
  zoneKey = true,
  label,
}: LineChartProps) {
  return (
    <figure className={styles.figure} role="img" aria-label={label} style={{ "--chart-height": `${height}px` } as CSSProperties}>
      <ChartDrawing
        rows={rows}
        xKey={xKey}
        xLabel={xLabel}
        yLabel={yLabel}
        rightLabel={rightLabel}
        series={series}
        markers={markers}
        points={points}
        zones={zones}
        height={height}
        yDomain={yDomain}
        rightDomain={rightDomain}
        xDomain={xDomain}
        formatX={formatX}
        formatY={formatY}
        formatRight={formatRight}
        xTicks={xTicks}
      />
      {zoneKey && zones.length > 0 && (
        <ul className={styles.zoneKey} aria-hidden="true">
          {uniqueZones(zones).map((zone) => (
            <li key={zone.label}>
              <span className={styles.swatch} style={{ background: zone.color }} />
              {zone.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
});

function uniqueZones(zones: ChartZone[]): ChartZone[] {
  const seen = new Map<string, ChartZone>();
  for (const zone of zones) if (!seen.has(zone.label)) seen.set(zone.label, zone);
  return [...seen.values()];
}
