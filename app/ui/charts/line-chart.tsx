"use client";
// Every line chart of Epoch Lab goes through this wrapper: pages pass plain
// rows and a typed series config; colours come from the theme's CSS variables
// (--series-1…6, --underfit/--balanced/--overfit), so charts follow light and dark.
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart as RechartsLineChart,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { memo, startTransition, useEffect, useState } from "react";
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

const defaultFormat = (value: number) => (Math.abs(value) >= 1000 ? value.toLocaleString("en-US") : String(Number(value.toPrecision(3))));

/**
 * True once the page has hydrated and the browser has had a turn: charts draw
 * in a transition after hydration, so the page's own controls become usable
 * and paint first, and the chart's rendering can yield to input.
 */
function useDrawn(): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => startTransition(() => setDrawn(true)), []);
  return drawn;
}

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
  const drawn = useDrawn();
  const hasRight = series.some((s) => s.axis === "right");
  const seriesByKey = new Map(series.map((s) => [s.key, s]));
  return (
    <figure className={styles.figure} role="img" aria-label={label}>
      {!drawn ? (
        <div style={{ height }} />
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          <RechartsLineChart data={rows} margin={{ top: 12, right: hasRight ? 4 : 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            {zones.map((zone) => (
              <ReferenceArea
                key={`${zone.label}-${zone.from}`}
                yAxisId="left"
                x1={zone.from}
                x2={zone.to}
                fill={zone.color}
                fillOpacity={0.1}
                stroke="none"
                ifOverflow="hidden"
              />
            ))}
            <XAxis
              dataKey={xKey}
              type="number"
              domain={xDomain}
              tickFormatter={formatX}
              ticks={xTicks}
              interval={xTicks ? "preserveStartEnd" : undefined}
              stroke="var(--text-muted)"
              tick={{ fill: "var(--text-muted)", fontSize: 12 }}
              label={{ value: xLabel, position: "insideBottom", offset: -2, fill: "var(--text-muted)", fontSize: 12 }}
              height={40}
              allowDecimals={false}
            />
            <YAxis
              yAxisId="left"
              domain={yDomain}
              tickFormatter={formatY}
              stroke="var(--text-muted)"
              tick={{ fill: "var(--text-muted)", fontSize: 12 }}
              width={52}
              label={yLabel ? { value: yLabel, angle: -90, position: "insideLeft", offset: 12, fill: "var(--text-muted)", fontSize: 12 } : undefined}
            />
            {hasRight && (
              <YAxis
                yAxisId="right"
                orientation="right"
                domain={rightDomain}
                tickFormatter={formatRight}
                stroke="var(--text-muted)"
                tick={{ fill: "var(--text-muted)", fontSize: 12 }}
                width={56}
                label={
                  rightLabel ? { value: rightLabel, angle: 90, position: "insideRight", offset: 12, fill: "var(--text-muted)", fontSize: 12 } : undefined
                }
              />
            )}
            {markers.map((marker) => (
              <ReferenceLine
                key={`${marker.label}-${marker.x}`}
                yAxisId="left"
                x={marker.x}
                stroke={marker.color ?? "var(--text-muted)"}
                strokeDasharray={marker.dashed ? "4 4" : undefined}
                strokeWidth={1.5}
                label={{
                  value: marker.label,
                  position: marker.labelSide === "left" ? "insideTopRight" : "insideTopLeft",
                  fill: marker.color ?? "var(--text-muted)",
                  fontSize: 12,
                  fontWeight: 600,
                  dy: (marker.labelRow ?? 0) * 16,
                }}
              />
            ))}
            <Tooltip
              contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--text)" }}
              labelStyle={{ color: "var(--text)" }}
              labelFormatter={(value) => `${xLabel} ${formatX(Number(value))}`}
              formatter={(value, name) => {
                const config = seriesByKey.get(String(name)) ?? series.find((s) => s.label === name);
                const format = config?.axis === "right" ? formatRight : formatY;
                return [typeof value === "number" ? format(value) : String(value), config?.label ?? String(name)];
              }}
            />
            <Legend wrapperStyle={{ fontSize: 13, color: "var(--text)" }} />
            {series.map((s) => (
              <Line
                key={s.key}
                yAxisId={s.axis ?? "left"}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={s.faint ? 1.25 : 2.25}
                strokeOpacity={s.opacity ?? (s.faint ? 0.55 : 1)}
                strokeDasharray={s.dashed ? "6 4" : undefined}
                dot={s.dots ? { r: 3, strokeWidth: 1.5, fill: "var(--surface)" } : false}
                activeDot={{ r: 5 }}
                connectNulls={s.connectNulls}
                isAnimationActive={false}
              />
            ))}
            {points.map((point) => (
              <ReferenceDot
                key={`${point.color}-${point.x}-${point.y}`}
                yAxisId={point.axis ?? "left"}
                x={point.x}
                y={point.y}
                r={6}
                fill="var(--surface)"
                stroke={point.color}
                strokeWidth={3}
                ifOverflow="extendDomain"
                label={point.label ? { value: point.label, position: "top", fill: point.color, fontSize: 12 } : undefined}
              />
            ))}
          </RechartsLineChart>
        </ResponsiveContainer>
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
