"use client";
// The Recharts drawing of a LineChart (line-chart.tsx), in its own module so the
// chart library loads after the page has hydrated.
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
import { seriesDrawing } from "@/lib/charts/series-drawing";
import type { ChartRow, ChartSeries, LineChartProps } from "./line-chart";

/** What the chart draws: a LineChart's props but its figure's own (label, zone key), with the height and zones it settled on. */
export type ChartDrawingProps = Omit<LineChartProps, "zoneKey" | "label" | "height" | "zones"> & Required<Pick<LineChartProps, "height" | "zones">>;

// One formatter for every tick (toLocaleString builds a new one per call, and ticks are formatted many times per redraw).
const thousands = new Intl.NumberFormat("en-US");
const defaultFormat = (value: number) => (Math.abs(value) >= 1000 ? thousands.format(value) : String(Number(value.toPrecision(3))));
/** Defaults that keep their identity between renders, so the memoised children below see no change. */
const NO_MARKERS: NonNullable<LineChartProps["markers"]> = [];
const NO_POINTS: NonNullable<LineChartProps["points"]> = [];
const AUTO_DOMAIN: NonNullable<LineChartProps["yDomain"]> = ["auto", "auto"];
const DATA_DOMAIN: NonNullable<LineChartProps["xDomain"]> = ["dataMin", "dataMax"];

const GRID_STROKE = "var(--border)";
const MUTED = "var(--text-muted)";
const TICK = { fill: MUTED, fontSize: 12 };
const DOT = { r: 3, strokeWidth: 1.5, fill: "var(--surface)" };
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
  yDomain = AUTO_DOMAIN,
  rightDomain = AUTO_DOMAIN,
  xDomain = DATA_DOMAIN,
  formatX = defaultFormat,
  formatY = defaultFormat,
  formatRight = defaultFormat,
  xTicks,
}: ChartDrawingProps) {
  const hasRight = series.some((s) => s.axis === "right");
  const seriesKey = keyOf(series);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the series by value
  const drawing = useMemo(() => seriesDrawing(rows, series), [rows, seriesKey]);
  const drawingKey = drawing.join(",");
  const xDomainKey = keyOf(xDomain);
  const yDomainKey = keyOf(yDomain);
  const rightDomainKey = keyOf(rightDomain);
  const xTicksKey = keyOf(xTicks);
  const zonesKey = keyOf(zones);
  const markersKey = keyOf(markers);
  const pointsKey = keyOf(points);

  // The values behind each key are read from this render: a key only changes with its value.
  /* eslint-disable react-hooks/exhaustive-deps */
  const margin = useMemo(() => ({ top: 12, right: hasRight ? 4 : 16, bottom: 4, left: 0 }), [hasRight]);
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
        domain={xDomain}
        tickFormatter={formatX}
        ticks={xTicks}
        interval={xTicks ? "preserveStartEnd" : undefined}
        stroke={MUTED}
        tick={TICK}
        label={{ value: xLabel, position: "insideBottom", offset: -2, ...TICK }}
        height={40}
        allowDecimals={false}
      />
    ),
    [xKey, xDomainKey, formatX, xTicksKey, xLabel],
  );
  const yAxis = useMemo(
    () => (
      <YAxis
        yAxisId="left"
        domain={yDomain}
        tickFormatter={formatY}
        stroke={MUTED}
        tick={TICK}
        width={52}
        label={yLabel ? { value: yLabel, angle: -90, position: "insideLeft", offset: 12, ...TICK } : undefined}
      />
    ),
    [yDomainKey, formatY, yLabel],
  );
  const rightAxis = useMemo(
    () =>
      hasRight ? (
        <YAxis
          yAxisId="right"
          orientation="right"
          domain={rightDomain}
          tickFormatter={formatRight}
          stroke={MUTED}
          tick={TICK}
          width={56}
          label={rightLabel ? { value: rightLabel, angle: 90, position: "insideRight", offset: 12, ...TICK } : undefined}
        />
      ) : null,
    [hasRight, rightDomainKey, formatRight, rightLabel],
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
          strokeDasharray={marker.dashed ? "4 4" : undefined}
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
          strokeWidth={s.faint ? 1.25 : 2.25}
          strokeOpacity={s.opacity ?? (s.faint ? 0.55 : 1)}
          strokeDasharray={s.dashed ? "6 4" : undefined}
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
          r={6}
          fill="var(--surface)"
          stroke={point.color}
          strokeWidth={3}
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
      <RechartsLineChart data={rows} margin={margin}>
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
