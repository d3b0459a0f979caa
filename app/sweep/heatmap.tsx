"use client";
// The sweep's heatmap: a table of links, one per run, coloured by the chosen
// view. One cell is in the tab order at a time (arrow keys move between
// cells, Home/End to a row's ends); hovering or focusing a cell shows its
// numbers, Enter or a click opens it in the playground. The cells are plain
// links with one click handler on the table for in-app navigation, instead of
// hundreds of <Link> components to hydrate.
import { memo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { useRouter } from "next/navigation";
import { formatScore } from "@/lib/format";
import { bestCell, bestCellsByRow, cellColor, cellPlaygroundHref, formatAxisValue, legendStops, scaleFor, SWEEP_AXES, SWEEP_VIEWS, type SweepCell, type SweepGrid, type SweepSpec } from "@/lib/sweep";
import styles from "./sweep.module.css";

interface Props {
  grid: SweepGrid;
  spec: SweepSpec;
}

/** Positions of the few x values written under the grid (the rest are for screen readers only). */
function labelledColumns(count: number): Set<number> {
  const marks = count <= 6 ? count : 5;
  return new Set(Array.from({ length: marks }, (_, i) => Math.round((i * (count - 1)) / Math.max(1, marks - 1))));
}

export const Heatmap = memo(function Heatmap({ grid, spec }: Props) {
  const [active, setActive] = useState({ row: grid.yValues.length - 1, col: 0 });
  const [hovered, setHovered] = useState<SweepCell | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const router = useRouter();
  const scale = scaleFor(grid, spec.view);
  const xAxis = SWEEP_AXES[spec.x.key];
  const yAxis = SWEEP_AXES[spec.y.key];
  const fmtX = (v: number) => formatAxisValue(spec.x.key, v);
  const fmtY = (v: number) => formatAxisValue(spec.y.key, v);
  const viewLabel = SWEEP_VIEWS.find((v) => v.id === spec.view)!.label;
  const rowCount = grid.yValues.length;
  const colCount = grid.xValues.length;
  const row = Math.min(active.row, rowCount - 1);
  const col = Math.min(active.col, colCount - 1);
  const shownColumns = labelledColumns(colCount);
  const top = bestCell(grid);
  const rowBest = bestCellsByRow(grid);
  const invalidCount = grid.rows.flat().filter((cell) => cell.problem).length;

  const describe = (cell: SweepCell) =>
    cell.problem
      ? `${xAxis.label} ${fmtX(cell.x)}, ${yAxis.label.toLowerCase()} ${fmtY(cell.y)}: not a valid run (${cell.problem})`
      : `${xAxis.label} ${fmtX(cell.x)}, ${yAxis.label.toLowerCase()} ${fmtY(cell.y)}: best quality ${formatScore(cell.bestQuality)} at epoch ${cell.bestEpoch}, final overfit risk ${formatScore(cell.finalOverfitRisk)}`;

  function move(event: KeyboardEvent<HTMLTableElement>) {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [1, 0],
      ArrowDown: [-1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    let next: { row: number; col: number } | null = null;
    if (moves[event.key]) {
      const [dr, dc] = moves[event.key];
      next = { row: Math.max(0, Math.min(rowCount - 1, row + dr)), col: Math.max(0, Math.min(colCount - 1, col + dc)) };
    } else if (event.key === "Home") next = { row, col: 0 };
    else if (event.key === "End") next = { row, col: colCount - 1 };
    if (!next) return;
    event.preventDefault();
    setActive(next);
    tableRef.current?.querySelector<HTMLAnchorElement>(`a[data-row="${next.row}"][data-col="${next.col}"]`)?.focus();
  }

  /** A plain click (or Enter) on a cell opens it in the playground without reloading the page; modified clicks keep the browser's own behaviour. */
  function open(event: MouseEvent<HTMLTableElement>) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[href]") : null;
    if (!link || !event.currentTarget.contains(link)) return;
    event.preventDefault();
    router.push(link.getAttribute("href") ?? "");
  }

  const readout = hovered ?? null;
  return (
    <div className={styles.heatmapBlock}>
      <p className={styles.readout} data-testid="sweep-readout">
        {readout ? describe(readout) : top ? `Highest quality: ${describe(top)}.` : "No cell of this sweep is a valid run: hover a cell to see why."}
      </p>
      <p className={styles.yTitle} aria-hidden="true">
        ↑ {yAxis.label}
      </p>
      <table ref={tableRef} className={styles.heatmap} onKeyDown={move} onClick={open} onMouseLeave={() => setHovered(null)} aria-describedby="heatmap-help">
        <caption className="visually-hidden">
          {viewLabel} for each {xAxis.label.toLowerCase()} (columns) and {yAxis.label.toLowerCase()} (rows). Arrow keys move between cells; Enter opens one in the playground.
        </caption>
        <thead>
          <tr>
            <td className={styles.corner} />
            {grid.xValues.map((x, i) => (
              <th key={x} scope="col" className={styles.colHead}>
                <span className={shownColumns.has(i) ? styles.tick : "visually-hidden"}>{fmtX(x)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows
            .map((cells, j) => ({ cells, j }))
            .reverse()
            .map(({ cells, j }) => (
              <tr key={grid.yValues[j]}>
                <th scope="row" className={styles.rowHead}>
                  {fmtY(grid.yValues[j])}
                </th>
                {cells.map((cell, i) => (
                  <td key={cell.x} className={styles.cellTd}>
                    <a
                      href={cellPlaygroundHref(spec, cell)}
                      className={cell.problem ? `${styles.cell} ${styles.invalidCell}` : styles.cell}
                      style={{ background: cellColor(cell, spec.view, scale) }}
                      aria-label={`${describe(cell)}${cell === top ? "; best of the whole sweep" : cell === rowBest[j] ? `; best of its row` : ""}`}
                      tabIndex={j === row && i === col ? 0 : -1}
                      data-row={j}
                      data-col={i}
                      data-best={cell === top ? "true" : undefined}
                      data-row-best={cell === rowBest[j] ? "true" : undefined}
                      onMouseEnter={() => setHovered(cell)}
                      onFocus={() => {
                        setHovered(cell);
                        setActive({ row: j, col: i });
                      }}
                    />
                  </td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
      <p className={styles.xTitle} aria-hidden="true">
        {xAxis.label} →
      </p>
      {invalidCount > 0 && (
        <p className={styles.readout} data-testid="sweep-invalid-note">
          {invalidCount} hatched {invalidCount === 1 ? "cell is not a valid run" : "cells are not valid runs"} (a warm-up longer than the run, or a learning rate the optimizer refuses): hover or focus
          one to see why.
        </p>
      )}
      <p id="heatmap-help" className="visually-hidden">
        Arrow keys move between cells; Enter opens the cell in the playground.
      </p>
      <p className={styles.rowBestKey}>
        <span className={styles.rowBestSwatch} aria-hidden="true" /> Best of each {yAxis.label.toLowerCase()} row: highest best quality (as shown, two decimals), ties going to the lower final overfit
        risk.
      </p>
      <div className={styles.legend}>
        <span className={styles.legendTitle}>{viewLabel}</span>
        <div className={styles.legendScale}>
          <div
            className={styles.legendBar}
            style={{
              background: `linear-gradient(to right, ${legendStops(scale, 9)
                .map((stop) => stop.color)
                .join(", ")})`,
            }}
            aria-hidden="true"
          />
          <div className={styles.legendTicks}>
            {legendStops(scale, 5).map((stop) => (
              <span key={stop.value}>{scale.format(stop.value)}</span>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
});
