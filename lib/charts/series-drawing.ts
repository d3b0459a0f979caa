// How the line-chart wrapper draws each series, from how many rows hold a value
// for it (pure; app/ui/charts/chart-drawing.tsx uses it on every redraw).

/** A series with values at more rows than this is drawn with straight segments. */
export const DENSE_SERIES_POINTS = 120;

/**
 * "dense": straight segments (a per-step loss: hundreds of points need no
 * smoothing between them, and Recharts measures a path's length on every
 * render, which is slow for curves); "sparse-dots": a series with dots that
 * has a value at fewer than half the rows (validation loss once per epoch on a
 * per-step axis), whose dots are drawn one per value rather than by Recharts,
 * which builds a dot for every row; "plain": everything else.
 */
export type SeriesDrawing = "dense" | "sparse-dots" | "plain";

/**
 * How each series is drawn, in the order given.
 * @example seriesDrawing([{ step: 1, loss: 2 }, { step: 2, loss: null }, { step: 3, loss: null }], [{ key: "loss", dots: true }]) // → ["sparse-dots"]
 */
export function seriesDrawing(rows: readonly Record<string, unknown>[], series: readonly { key: string; dots?: boolean }[]): SeriesDrawing[] {
  return series.map((s) => {
    let points = 0;
    for (const row of rows) if (typeof row[s.key] === "number") points++;
    if (points > DENSE_SERIES_POINTS) return "dense";
    if (s.dots && points * 2 < rows.length) return "sparse-dots";
    return "plain";
  });
}
