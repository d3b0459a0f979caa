"use client";
// The Recharts drawing of a LineChart (line-chart.tsx), in its own module so the
// chart library loads after the page has hydrated.
import { CartesianGrid, Legend, Line, LineChart as RechartsLineChart, ReferenceArea, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LineChartProps } from "./line-chart";

/** What the chart draws: a LineChart's props but its figure's own (label, zone key), with the height and zones it settled on. */
export type ChartDrawingProps = Omit<LineChartProps, "zoneKey" | "label" | "height" | "zones"> & Required<Pick<LineChartProps, "height" | "zones">>;

const defaultFormat = (value: number) => (Math.abs(value) >= 1000 ? value.toLocaleString("en-US") : String(Number(value.toPrecision(3))));

/** How every axis draws its ticks and its title. */
const AXIS_TEXT = { fill: "var(--text-muted)", fontSize: 12 } as const;
const AXIS_STYLE = { stroke: "var(--text-muted)", tick: AXIS_TEXT } as const;

export function ChartDrawing({
  rows,
  xKey,
  xLabel,
  yLabel,
  rightLabel,
  series,
  markers = [],
  points = [],
  zones,
  height,
  yDomain = ["auto", "auto"],
  rightDomain = ["auto", "auto"],
  xDomain = ["dataMin", "dataMax"],
  formatX = defaultFormat,
  formatY = defaultFormat,
  formatRight = defaultFormat,
  xTicks,
}: ChartDrawingProps) {
  const hasRight = series.some((s) => s.axis === "right");
  const seriesByKey = new Map(series.map((s) => [s.key, s]));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <RechartsLineChart data={rows} margin={{ top: 12, right: hasRight ? 4 : 16, bottom: 4, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
        {zones.map((zone) => (
          <ReferenceArea key={`${zone.label}-${zone.from}`} yAxisId="left" x1={zone.from} x2={zone.to} fill={zone.color} fillOpacity={0.1} stroke="none" ifOverflow="hidden" />
        ))}
        <XAxis
          dataKey={xKey}
          type="number"
          domain={xDomain}
          tickFormatter={formatX}
          ticks={xTicks}
          interval={xTicks ? "preserveStartEnd" : undefined}
          {...AXIS_STYLE}
          label={{ value: xLabel, position: "insideBottom", offset: -2, ...AXIS_TEXT }}
          height={40}
          allowDecimals={false}
        />
        <YAxis
          yAxisId="left"
          domain={yDomain}
          tickFormatter={formatY}
          {...AXIS_STYLE}
          width={52}
          label={yLabel ? { value: yLabel, angle: -90, position: "insideLeft", offset: 12, ...AXIS_TEXT } : undefined}
        />
        {hasRight && (
          <YAxis
            yAxisId="right"
            orientation="right"
            domain={rightDomain}
            tickFormatter={formatRight}
            {...AXIS_STYLE}
            width={56}
            label={rightLabel ? { value: rightLabel, angle: 90, position: "insideRight", offset: 12, ...AXIS_TEXT } : undefined}
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
  );
}
