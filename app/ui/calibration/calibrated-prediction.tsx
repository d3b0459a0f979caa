"use client";
// The playground's and the new-run form's panel for the team calibration: the
// switch, and while it is on both predictions for the settings on screen, the
// default model's and the calibrated one's, side by side and on one chart.
import { useMemo } from "react";
import { LineChart, type ChartSeries } from "@/app/ui/charts/line-chart";
import { formatScore } from "@/lib/format";
import { simulate, type BatchRule, type Settings, type SimulationResult } from "@/lib/sim";
import type { TeamCalibrationFit } from "@/lib/sim/team-calibration";
import { useTeamCalibration } from "./calibration-context";
import { CalibrationSwitch } from "./calibration-switch";
import { formatSpeed, runsLabel } from "./format";
import styles from "./calibration.module.css";

const SERIES: ChartSeries[] = [
  { key: "defaultQuality", label: "Quality, default model", color: "var(--text-muted)", dashed: true, dots: true },
  { key: "calibratedQuality", label: "Quality, calibrated", color: "var(--series-1)", dots: true },
];

interface Props {
  settings: Omit<Settings, "name"> | null;
  batchRule?: BatchRule;
}

export function CalibratedPrediction({ settings, batchRule = "linear" }: Props) {
  const { calibration, on } = useTeamCalibration();
  if (!calibration) return null;
  return (
    <section className={`card panel ${styles.panel}`} aria-labelledby="calibration-heading" data-testid="calibration-panel">
      <h2 id="calibration-heading">Your team&apos;s real runs</h2>
      <CalibrationSwitch />
      {on && calibration.ok && settings && <BothPredictions settings={settings} batchRule={batchRule} fit={calibration} />}
    </section>
  );
}

function BothPredictions({ settings, batchRule, fit }: { settings: Omit<Settings, "name">; batchRule: BatchRule; fit: TeamCalibrationFit }) {
  const runs = useMemo(() => {
    const at = (learningSpeed: number) => simulate(settings, { lossCurve: false, batchRule, learningSpeed });
    return { base: at(1), calibrated: at(fit.learningSpeed), fast: at(fit.interval.high), slow: at(fit.interval.low) };
  }, [settings, batchRule, fit]);
  const { base, calibrated, fast, slow } = runs;
  const rows = useMemo(() => base.checkpoints.map((c, i) => ({ epoch: c.epoch, defaultQuality: c.quality, calibratedQuality: calibrated.checkpoints[i].quality })), [base, calibrated]);
  const best = (run: SimulationResult) => run.checkpoints[run.recommendedEpoch - 1];
  const last = (run: SimulationResult) => run.checkpoints[run.checkpoints.length - 1];
  const range = fast.recommendedEpoch === slow.recommendedEpoch ? String(fast.recommendedEpoch) : `${fast.recommendedEpoch}–${slow.recommendedEpoch}`;
  const level = Math.round(fit.interval.level * 100);
  const same = base.recommendedEpoch === calibrated.recommendedEpoch;

  return (
    <>
      <p aria-live="polite" data-testid="calibration-summary">
        {same
          ? `Both predict the best checkpoint at epoch ${base.recommendedEpoch} of ${settings.epochs}.`
          : `The default model predicts the best checkpoint at epoch ${base.recommendedEpoch}; calibrated to your ${runsLabel(fit.runs)}, epoch ${calibrated.recommendedEpoch} (${range} within the fit's ${level}% interval).`}
      </p>
      <div className="table-wrap">
        <table className={styles.compare}>
          <caption>The two predictions for these settings (learning speed ×1 and {formatSpeed(fit.learningSpeed)})</caption>
          <thead>
            <tr>
              <th scope="col">Prediction</th>
              <th scope="col">Default</th>
              <th scope="col">Calibrated</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Best epoch</th>
              <td data-testid="calibration-default-epoch">{base.recommendedEpoch}</td>
              <td data-testid="calibrated-epoch" className={styles.strong}>
                {calibrated.recommendedEpoch} <span className="muted">({range})</span>
              </td>
            </tr>
            <tr>
              <th scope="row">Quality at best</th>
              <td>{formatScore(best(base).quality)}</td>
              <td>{formatScore(best(calibrated).quality)}</td>
            </tr>
            <tr>
              <th scope="row">Last epoch</th>
              <td>{last(base).verdict}</td>
              <td>{last(calibrated).verdict}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <LineChart
        rows={rows}
        xKey="epoch"
        xLabel="Epoch"
        series={SERIES}
        yDomain={[0, 1]}
        formatY={formatScore}
        height={200}
        markers={[
          { x: base.recommendedEpoch, label: `default ${base.recommendedEpoch}`, color: "var(--text-muted)", dashed: true, labelSide: base.recommendedEpoch > settings.epochs / 2 ? "left" : "right" },
          {
            x: calibrated.recommendedEpoch,
            label: `calibrated ${calibrated.recommendedEpoch}`,
            color: "var(--series-1)",
            labelRow: 1,
            labelSide: calibrated.recommendedEpoch > settings.epochs / 2 ? "left" : "right",
          },
        ]}
        label={`Quality per epoch, default model against calibrated: best at epoch ${base.recommendedEpoch} and ${calibrated.recommendedEpoch}.`}
      />
    </>
  );
}
