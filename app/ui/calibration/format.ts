// Words for a team calibration, shared by the switch, the panels and the run page.
import type { TeamCalibrationFit } from "@/lib/sim/team-calibration";

/** A share of steps as a whole percentage. */
function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/**
 * What the fit says in steps: "reach their best in about 67% of the steps the
 * default model predicts (95% interval 55–82%)". A learning speed k puts the
 * optimum at 1/k of the default model's steps.
 */
export function describeFit(fit: Pick<TeamCalibrationFit, "learningSpeed" | "interval" | "runs">): string {
  const share = 1 / fit.learningSpeed;
  const level = Math.round(fit.interval.level * 100);
  const range = `${level}% interval ${percent(1 / fit.interval.high)}–${percent(1 / fit.interval.low)}`;
  return `Your team's ${fit.runs} picked real runs reached their best in about ${percent(share)} of the steps the default model predicts (${range}), so the calibrated model runs at ${formatSpeed(fit.learningSpeed)} its learning speed.`;
}

/** A learning speed as a multiplier: "×1.42". */
export function formatSpeed(speed: number): string {
  return `×${speed >= 10 ? speed.toFixed(0) : speed.toFixed(2)}`;
}

export function runsLabel(count: number): string {
  return `${count} real ${count === 1 ? "run" : "runs"}`;
}
