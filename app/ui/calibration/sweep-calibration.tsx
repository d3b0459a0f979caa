"use client";
// The sweep's panel for the team calibration: the switch (which also turns
// the map above it to the calibrated prediction), and while it is on the best
// cell both ways and how many cells peak earlier or later once calibrated.
import { useMemo } from "react";
import { formatScore } from "@/lib/format";
import type { TeamCalibrationFit } from "@/lib/sim/team-calibration";
import { bestCell, computeSweep, formatAxisValue, SWEEP_AXES, type SweepCell, type SweepSpec } from "@/lib/sweep";
import { useTeamCalibration } from "./calibration-context";
import { CalibrationSwitch } from "./calibration-switch";
import { runsLabel } from "./format";
import styles from "./calibration.module.css";

type GridSpec = Omit<SweepSpec, "view">;

export function SweepCalibration({ spec }: { spec: GridSpec }) {
  const { calibration, on } = useTeamCalibration();
  if (!calibration) return null;
  return (
    <div className={`panel ${styles.panel} ${styles.belowMap}`} data-testid="calibration-panel">
      <h3>Your team&apos;s real runs</h3>
      <CalibrationSwitch />
      {on && calibration.ok && <BothBestCells spec={spec} fit={calibration} />}
    </div>
  );
}

function BothBestCells({ spec, fit }: { spec: GridSpec; fit: TeamCalibrationFit }) {
  const { x, y, steps, base, batchRule } = spec;
  const { defaultGrid, calibratedGrid } = useMemo(() => {
    const grid = { x, y, steps, base, batchRule };
    return { defaultGrid: computeSweep(grid), calibratedGrid: computeSweep(grid, { learningSpeed: fit.learningSpeed }) };
  }, [x, y, steps, base, batchRule, fit.learningSpeed]);
  const describe = (cell: SweepCell | null) =>
    cell === null
      ? "no valid run"
      : `${SWEEP_AXES[x.key].label} ${formatAxisValue(x.key, cell.x)}, ${SWEEP_AXES[y.key].label.toLowerCase()} ${formatAxisValue(y.key, cell.y)}: quality ${formatScore(cell.bestQuality)} at epoch ${cell.bestEpoch}`;
  let earlier = 0;
  let later = 0;
  defaultGrid.rows.forEach((row, j) =>
    row.forEach((cell, i) => {
      const calibrated = calibratedGrid.rows[j][i];
      if (cell.problem || calibrated.problem) return;
      if (calibrated.bestEpoch < cell.bestEpoch) earlier += 1;
      else if (calibrated.bestEpoch > cell.bestEpoch) later += 1;
    }),
  );
  const cells = defaultGrid.rows.flat().filter((cell) => !cell.problem).length;
  return (
    <>
      <ul className={styles.cells} aria-live="polite">
        <li data-testid="sweep-best-default">
          Best cell, default model: <span className={styles.strong}>{describe(bestCell(defaultGrid))}</span>
        </li>
        <li data-testid="sweep-best-calibrated">
          Best cell, calibrated to your {runsLabel(fit.runs)}: <span className={styles.strong}>{describe(bestCell(calibratedGrid))}</span>
        </li>
      </ul>
      <p className={`field-hint ${styles.hint}`}>
        The map shows the calibrated prediction. Calibrated, {earlier} of {cells} cells peak at an earlier epoch and {later} at a later one.
      </p>
    </>
  );
}
