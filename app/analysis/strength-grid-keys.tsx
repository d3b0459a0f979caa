"use client";
// The strength grid's keys and readout, over the table the server drew: one
// cell in the tab order (arrow keys move it, Home/End go to a row's ends),
// and the line above the grid reads the focused or hovered cell. Listens on
// the grid's wrapper, so the table's hundred-odd cells carry no handlers.
import { useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import styles from "./analysis.module.css";

/** The best cell's name ends with this; the readout leaves it out. */
const BEST_SUFFIX = / \(best\)$/;

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

function cellOf(target: EventTarget | null): HTMLButtonElement | null {
  return target instanceof Element ? target.closest<HTMLButtonElement>("button[data-row][data-col]") : null;
}

export function StrengthGridKeys({ initialReadout, children }: { initialReadout: string; children: ReactNode }) {
  const [shown, setShown] = useState<string | null>(null);

  function show(cell: HTMLButtonElement) {
    setShown((cell.getAttribute("aria-label") ?? "").replace(BEST_SUFFIX, ""));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const cell = cellOf(event.target);
    const table = cell?.closest("table");
    if (!cell || !table) return;
    const row = Number(cell.dataset.row);
    const col = Number(cell.dataset.col);
    const rows = table.tBodies[0]?.rows.length ?? 1;
    const cols = table.tHead?.rows[0]?.cells.length ? table.tHead.rows[0].cells.length - 1 : 1;
    let next: [number, number] | null = null;
    if (MOVES[event.key]) {
      const [dr, dc] = MOVES[event.key];
      next = [Math.max(0, Math.min(rows - 1, row + dr)), Math.max(0, Math.min(cols - 1, col + dc))];
    } else if (event.key === "Home") next = [row, 0];
    else if (event.key === "End") next = [row, cols - 1];
    if (!next) return;
    event.preventDefault();
    table.querySelector<HTMLButtonElement>(`button[data-row="${next[0]}"][data-col="${next[1]}"]`)?.focus();
  }

  function onFocus(event: FocusEvent<HTMLDivElement>) {
    const cell = cellOf(event.target);
    if (!cell) return;
    // Roving tab stop: the focused cell is the one Tab comes back to.
    for (const other of cell.closest("table")?.querySelectorAll<HTMLButtonElement>('button[tabindex="0"]') ?? []) if (other !== cell) other.tabIndex = -1;
    cell.tabIndex = 0;
    show(cell);
  }

  function onMouseOver(event: MouseEvent<HTMLDivElement>) {
    const cell = cellOf(event.target);
    if (cell) show(cell);
    else if (!(event.target instanceof Element && event.target.closest("table"))) setShown(null);
  }

  return (
    <div className={styles.gridBlock} onKeyDown={onKeyDown} onFocus={onFocus} onMouseOver={onMouseOver} onMouseLeave={() => setShown(null)}>
      <p className={styles.readout} data-testid="strength-readout" aria-live="polite">
        {shown ?? initialReadout}
      </p>
      {children}
    </div>
  );
}
