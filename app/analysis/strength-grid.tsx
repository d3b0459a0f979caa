// The epoch × LoRA-strength grid, the X/Y plot people build in A1111 or
// ComfyUI, simulated: rows are epochs, columns strengths, each cell coloured by
// quality. One cell is in the tab order; arrow keys move, Home/End go to a
// row's ends; the line above the grid reads the focused or hovered cell.
// Drawn on the server; StrengthGridKeys adds the keys and the readout.
import { rampColor } from "@/lib/sweep/color";
import { StrengthGridKeys } from "./strength-grid-keys";
import styles from "./analysis.module.css";

export interface GridCell {
  strength: number;
  quality: number;
  fidelity: number;
  flexibility: number;
}

interface Props {
  rows: { epoch: number; cells: GridCell[] }[];
  strengths: number[];
  best: { epoch: number; strength: number };
  recommendedEpoch: number;
  runLabel: string;
}

const BEST_SUFFIX = " (best)";

/** Black or white text, whichever contrasts more with an rgb() background (WCAG relative luminance). */
function textOn(color: string): string {
  const [r, g, b] = (color.match(/\d+/g) ?? ["0", "0", "0"]).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Whichever of black and white contrasts more (WCAG ratios); one of them always reaches 4.5:1.
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#000000" : "#ffffff";
}

/** What the readout says of a cell (a cell's name is this, plus BEST_SUFFIX on the best one). */
function describeCell(epoch: number, cell: GridCell): string {
  return `Epoch ${epoch} at strength ${cell.strength.toFixed(1)}: quality ${cell.quality.toFixed(2)}, fidelity ${cell.fidelity.toFixed(2)}, flexibility ${cell.flexibility.toFixed(2)}`;
}

export function StrengthGrid({ rows, strengths, best, recommendedEpoch, runLabel }: Props) {
  const active = {
    row: Math.max(
      0,
      rows.findIndex((r) => r.epoch === best.epoch),
    ),
    col: Math.max(0, strengths.indexOf(best.strength)),
  };
  const qualities = rows.flatMap((row) => row.cells.map((cell) => cell.quality));
  const low = Math.min(...qualities);
  const high = Math.max(...qualities);
  const position = (q: number) => (high > low ? (q - low) / (high - low) : 0.5);

  const bestRow = rows.find((row) => row.epoch === best.epoch);
  const bestCell = bestRow?.cells.find((cell) => cell.strength === best.strength);

  return (
    <StrengthGridKeys initialReadout={bestCell ? `Best: ${describeCell(best.epoch, bestCell)}.` : ""}>
      <div className={styles.gridScroll}>
        <table className={styles.strengthTable}>
          <caption className="visually-hidden">Quality of {runLabel} for each epoch (rows) at each LoRA strength (columns). Arrow keys move between cells.</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.gridCorner}>
                Ep.<span className="visually-hidden">och</span>
              </th>
              {strengths.map((strength) => (
                <th key={strength} scope="col" className={strength === 1 ? styles.fullStrength : undefined}>
                  {strength.toFixed(1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.epoch}>
                <th scope="row" className={styles.gridRowHead}>
                  {row.epoch}
                  {row.epoch === recommendedEpoch && (
                    <>
                      <span className={styles.recommendedMark} aria-hidden="true">
                        ●
                      </span>
                      <span className="visually-hidden"> (recommended at full strength)</span>
                    </>
                  )}
                </th>
                {row.cells.map((cell, j) => {
                  const background = rampColor("viridis", position(cell.quality));
                  const isBest = row.epoch === best.epoch && cell.strength === best.strength;
                  return (
                    <td key={cell.strength} className={styles.gridTd}>
                      <button
                        type="button"
                        className={styles.gridCell}
                        style={{ background, color: textOn(background) }}
                        tabIndex={i === active.row && j === active.col ? 0 : -1}
                        data-row={i}
                        data-col={j}
                        data-best={isBest ? "true" : undefined}
                        aria-label={`${describeCell(row.epoch, cell)}${isBest ? BEST_SUFFIX : ""}`}
                      >
                        {cell.quality.toFixed(2).replace(/^0/, "")}
                        {isBest && <span aria-hidden="true">★</span>}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.legend}>
        <span className={styles.legendTitle}>Quality</span>
        <div className={styles.legendScale}>
          <div className={styles.legendBar} style={{ background: `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((t) => rampColor("viridis", t)).join(", ")})` }} aria-hidden="true" />
          <div className={styles.legendTicks}>
            <span>{low.toFixed(2)}</span>
            <span>{((low + high) / 2).toFixed(2)}</span>
            <span>{high.toFixed(2)}</span>
          </div>
        </div>
        <span className={styles.legendNote}>★ best cell · ● recommended epoch at strength 1.0</span>
      </div>
    </StrengthGridKeys>
  );
}
