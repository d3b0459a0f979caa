"use client";
// The Recharts drawing of a LineChart (line-chart.tsx), in its own module so the
// chart library loads only when the pointer comes to a chart; until then the
// chart is its static drawing (static-drawing.tsx), with the same scales.
//
// Redrawing is the costly part of a page that follows a slider or a Pick, so
// this module keeps it small:
// - each Recharts child element is memoised on the values it shows: Recharts 3
//   keeps axes, lines and reference marks in a store and re-registers every
//   child that renders (a second, synchronous render of the whole chart), so a
//   new data array or a moved marker re-renders only what depends on it;
// - a per-step series is drawn with straight segments, and the dots of a
//   once-per-epoch series on a per-step axis are drawn here, one circle per
//   value (lib/charts/series-drawing.ts says which and why).
import { memo, useMemo } from "react";
import {
  CartesianGrid,
  DefaultZIndexes,
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
  ZIndexLayer,
  useXAxisScale,
  useYAxisScale,
} from "recharts";
import type { ChartScales } from "@/lib/charts/chart-scale";
import { seriesDrawing } from "@/lib/charts/series-drawing";
import type { ChartRow, ChartSeries, LineChartProps } from "./line-chart";
import { defaultFormat, DRAWING } from "./static-drawing";

/** What the chart draws: a LineChart's props but its figure's own (label, zone key), with the height, zones and scales it settled on. */
export type ChartDrawingProps = Omit<LineChartProps, "zoneKey" | "label" | "height" | "zones"> & Required<Pick<LineChartProps, "height" | "zones">> & { scales: ChartScales };

/** Defaults that keep their identity between renders, so the memoised children below see no change. */
const NO_MARKERS: NonNullable<LineChartProps["markers"]> = [];
const NO_POINTS: NonNullable<LineChartProps["points"]> = [];

const GRID_STROKE = "var(--border)";
const MUTED = "var(--text-muted)";
const TICK = { fill: MUTED, fontSize: 12 };
const DOT = { ...DRAWING.dot, fill: "var(--surface)" };
const ACTIVE_DOT = { r: 5 };
const TOOLTIP_CONTENT_STYLE = { background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 8, color: "var(--text)" };
const TOOLTIP_LABEL_STYLE = { color: "var(--text)" };
const LEGEND_STYLE = { fontSize: 13, color: "var(--text)" };

/** A key that changes only when the value does (for small arrays and objects passed inline). */
const keyOf = (value: unknown) => JSON.stringify(value) ?? "";

export function ChartDrawing({
  rows,
  xKey,
  xLabel,
  yLabel,
  rightLabel,
  series,
  markers = NO_MARKERS,
  points = NO_POINTS,
  zones,
  height,
  scales,
  formatX = defaultFormat,
  formatY = defaultFormat,
  formatRight = defaultFormat,
}: ChartDrawingProps) {
  const hasRight = series.some((s) => s.axis === "right");
  const seriesKey = keyOf(series);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the series by value
  const drawing = useMemo(() => seriesDrawing(rows, series), [rows, seriesKey]);
  const drawingKey = drawing.join(",");
  const xScaleKey = keyOf(scales.x);
  const leftScaleKey = keyOf(scales.left);
  const rightScaleKey = keyOf(scales.right);
  const zonesKey = keyOf(zones);
  const markersKey = keyOf(markers);
  const pointsKey = keyOf(points);

  // The values behind each key are read from this render: a key only changes with its value.
  /* eslint-disable react-hooks/exhaustive-deps */
  const margin = useMemo(() => DRAWING.margin(hasRight), [hasRight]);
  const grid = useMemo(() => <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />, []);
  const zoneElements = useMemo(
    () => zones.map((zone) => <ReferenceArea key={`${zone.label}-${zone.from}`} yAxisId="left" x1={zone.from} x2={zone.to} fill={zone.color} fillOpacity={0.1} stroke="none" ifOverflow="hidden" />),
    [zonesKey],
  );
  const xAxis = useMemo(
    () => (
      <XAxis
        dataKey={xKey}
        type="number"
        domain={scales.x.domain}
        tickFormatter={formatX}
        ticks={scales.x.ticks}
        interval="preserveStartEnd"
        stroke={MUTED}
        tick={TICK}
        label={{ value: xLabel, position: "insideBottom", offset: -2, ...TICK }}
        height={DRAWING.xAxisHeight}
      />
    ),
    [xKey, xScaleKey, formatX, xLabel],
  );
  const yAxis = useMemo(
    () => (
      <YAxis
        yAxisId="left"
        domain={scales.left.domain}
        ticks={scales.left.ticks}
        tickFormatter={formatY}
        stroke={MUTED}
        tick={TICK}
        width={DRAWING.yAxisWidth}
        label={yLabel ? { value: yLabel, angle: -90, position: "insideLeft", offset: 12, ...TICK } : undefined}
      />
    ),
    [leftScaleKey, formatY, yLabel],
  );
  const rightAxis = useMemo(
    () =>
      hasRight && scales.right ? (
        <YAxis
          yAxisId="right"
          orientation="right"
          domain={scales.right.domain}
          ticks={scales.right.ticks}
          tickFormatter={formatRight}
          stroke={MUTED}
          tick={TICK}
          width={DRAWING.rightAxisWidth}
          label={rightLabel ? { value: rightLabel, angle: 90, position: "insideRight", offset: 12, ...TICK } : undefined}
        />
      ) : null,
    [hasRight, rightScaleKey, formatRight, rightLabel],
  );
  const markerElements = useMemo(
    () =>
      markers.map((marker, index) => (
        <ReferenceLine
          // By position, not by label or place: a marker that moves (a new pick) is updated, not remounted.
          key={index}
          yAxisId="left"
          x={marker.x}
          stroke={marker.color ?? MUTED}
          strokeDasharray={marker.dashed ? DRAWING.markerDash : undefined}
          strokeWidth={1.5}
          label={{
            value: marker.label,
            position: marker.labelSide === "left" ? "insideTopRight" : "insideTopLeft",
            fill: marker.color ?? MUTED,
            fontSize: 12,
            fontWeight: 600,
            dy: (marker.labelRow ?? 0) * 16,
          }}
        />
      )),
    [markersKey],
  );
  const tooltip = useMemo(() => {
    const seriesByKey = new Map(series.map((s) => [s.key, s]));
    return (
      <Tooltip
        contentStyle={TOOLTIP_CONTENT_STYLE}
        labelStyle={TOOLTIP_LABEL_STYLE}
        labelFormatter={(value) => `${xLabel} ${formatX(Number(value))}`}
        formatter={(value, name) => {
          const config = seriesByKey.get(String(name)) ?? series.find((s) => s.label === name);
          const format = config?.axis === "right" ? formatRight : formatY;
          return [typeof value === "number" ? format(value) : String(value), config?.label ?? String(name)];
        }}
      />
    );
  }, [seriesKey, xLabel, formatX, formatY, formatRight]);
  const legend = useMemo(() => <Legend wrapperStyle={LEGEND_STYLE} />, []);
  const lines = useMemo(
    () =>
      series.map((s, index) => (
        <Line
          key={s.key}
          yAxisId={s.axis ?? "left"}
          type={drawing[index] === "dense" ? "linear" : "monotone"}
          dataKey={s.key}
          name={s.label}
          stroke={s.color}
          strokeWidth={DRAWING.lineWidth(s)}
          strokeOpacity={DRAWING.lineOpacity(s)}
          strokeDasharray={s.dashed ? DRAWING.lineDash : undefined}
          dot={s.dots && drawing[index] !== "sparse-dots" ? DOT : false}
          activeDot={ACTIVE_DOT}
          connectNulls={s.connectNulls}
          isAnimationActive={false}
        />
      )),
    [seriesKey, drawingKey],
  );
  const pointElements = useMemo(
    () =>
      points.map((point) => (
        <ReferenceDot
          key={`${point.color}-${point.x}-${point.y}`}
          yAxisId={point.axis ?? "left"}
          x={point.x}
          y={point.y}
          r={DRAWING.ring.r}
          fill="var(--surface)"
          stroke={point.color}
          strokeWidth={DRAWING.ring.strokeWidth}
          ifOverflow="extendDomain"
          label={point.label ? { value: point.label, position: "top", fill: point.color, fontSize: 12 } : undefined}
        />
      )),
    [pointsKey],
  );
  /* eslint-enable react-hooks/exhaustive-deps */
  const sparseDots = series.flatMap((s, index) => (drawing[index] === "sparse-dots" ? [<SparseDots key={`dots-${s.key}`} rows={rows} xKey={xKey} series={s} />] : []));

  return (
    <ResponsiveContainer width="100%" height={height}>
      <RechartsLineChart data={rows} margin={margin} accessibilityLayer={false}>
        {grid}
        {zoneElements}
        {xAxis}
        {yAxis}
        {rightAxis}
        {markerElements}
        {tooltip}
        {legend}
        {lines}
        {sparseDots}
        {pointElements}
      </RechartsLineChart>
    </ResponsiveContainer>
  );
}

/** The dots of a series with a value at few rows: one circle per value, drawn like Recharts' own line dots. */
const SparseDots = memo(function SparseDots({ rows, xKey, series }: { rows: ChartRow[]; xKey: string; series: ChartSeries }) {
  const x = useXAxisScale();
  const y = useYAxisScale(series.axis ?? "left");
  if (!x || !y) return null;
  const circles = [];
  for (const row of rows) {
    const value = row[series.key];
    const at = row[xKey];
    if (typeof value !== "number" || typeof at !== "number") continue;
    const cx = x(at);
    const cy = y(value);
    if (typeof cx !== "number" || typeof cy !== "number" || !Number.isFinite(cx) || !Number.isFinite(cy)) continue;
    circles.push(<circle key={at} className="recharts-dot recharts-line-dot" cx={cx} cy={cy} r={DOT.r} stroke={series.color} strokeWidth={DOT.strokeWidth} fill={DOT.fill} />);
  }
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.scatter}>
      <g className="recharts-layer recharts-line-dots">{circles}</g>
    </ZIndexLayer>
  );
});
