"use client";
// Every line chart of Epoch Lab goes through this wrapper: pages pass plain
// rows and a typed series config; colours come from the theme's CSS variables
// (--series-1…6, --underfit/--balanced/--overfit), so charts follow light and dark.
import { lazy, memo, Suspense, useMemo, useState } from "react";
import { chartScales } from "@/lib/charts/chart-scale";
import { StaticDrawing } from "./static-drawing";
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

/**
 * The interactive drawing (Recharts, the largest script of the app) loads only
 * when the pointer comes to a chart: until then, and on the server, the chart
 * is the static drawing, which costs a page almost nothing to show or redraw.
 * If its script cannot load (offline, or a page open across a new release),
 * the chart stays the static drawing instead of failing the page.
 */
const ChartDrawing = lazy(() =>
  import("./chart-drawing").then(
    (m) => ({ default: m.ChartDrawing }),
    () => ({ default: StaticDrawing }),
  ),
);

/**
 * A line chart. Memoised: a re-render of the page that passes the same rows,
 * series and markers (memoise them) leaves the chart alone.
 *
 * It is drawn as plain SVG (static-drawing.tsx), on the server too, and swaps
 * in the Recharts drawing, with its tooltip, while a mouse or pen is over it
 * or after a touch; both take the same scales, so the swap moves nothing.
 */
export const LineChart = memo(function LineChart({ zoneKey = true, label, height = 280, zones = [], ...drawing }: LineChartProps) {
  const [engaged, setEngaged] = useState(false);
  const { rows, xKey, series, points, xDomain, yDomain, rightDomain, xTicks } = drawing;
  // Domains and ticks are small arrays often written inline: keyed by value, so an unchanged chart keeps its scales (and its drawn lines).
  const domainsKey = JSON.stringify([xDomain, yDomain, rightDomain, xTicks]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the domains by value (domainsKey)
  const scales = useMemo(() => chartScales({ rows, xKey, series, points, xDomain, yDomain, rightDomain, xTicks }), [rows, xKey, series, points, domainsKey]);
  const still = <StaticDrawing {...drawing} height={height} zones={zones} scales={scales} />;
  return (
    <figure
      className={styles.figure}
      role="img"
      aria-label={label}
      onPointerEnter={(event) => {
        if (event.pointerType !== "touch") setEngaged(true);
      }}
      onPointerLeave={(event) => {
        if (event.pointerType !== "touch") setEngaged(false);
      }}
      onTouchStart={() => setEngaged(true)}
      data-drawing={engaged ? "interactive" : "static"}
    >
      {engaged ? (
        <Suspense fallback={still}>
          <ChartDrawing {...drawing} height={height} zones={zones} scales={scales} />
        </Suspense>
      ) : (
        still
      )}
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
