// Predicted versus actual on an imported run's page: the simulator's run for
// the same settings beside what the trainer measured. Losses on one chart and
// one axis, the prediction scaled by a single stated factor; the predicted
// best epoch against the team's pick (and against the team calibration from
// the team's other runs), and a plain sentence on where they disagree.
import { formatInteger } from "@/lib/format";
import { getTeamCalibration, type ImportedRunDetail } from "@/lib/server/runs";
import { MODEL, MODEL_FAMILY_LABELS, pickSettings, simulate } from "@/lib/sim";
import { lossScale } from "@/lib/sim/team-calibration-agreement";
import type { ImportedLossRow } from "./imported-loss-chart";
import { PredictedVsActualChart, PredictedVsActualSummary } from "./predicted-vs-actual-live";
import styles from "./dashboard.module.css";

function formatLoss(value: number | null): string {
  return value === null ? "not logged" : value.toFixed(4);
}

export async function PredictedVsActual({ run }: { run: ImportedRunDetail }) {
  const settings = pickSettings(run);
  const predictionByEpoch = new Map(run.prediction.map((c) => [c.epoch, c]));
  const predicted = (epoch: number) => predictionByEpoch.get(epoch) ?? null;
  const scale = lossScale(
    run.checkpoints.map((c) => ({ measured: c.trainLoss, predicted: predicted(c.epoch)?.trainLoss ?? null })),
    run.checkpoints.map((c) => ({ measured: c.validationLoss, predicted: predicted(c.epoch)?.validationLoss ?? null })),
  );
  const factor = scale?.factor ?? 1;
  const scaled = (value: number | null | undefined) => (value === null || value === undefined ? null : value * factor);
  // Steps and images seen come from the files when they hold them, else from the settings read (never from a default).
  const read = new Set<string>(run.importInfo.read);
  const geometryRead = read.has("images") && read.has("repeats");
  const stepsRead = geometryRead && read.has("batchSize");
  const rows: ImportedLossRow[] = run.checkpoints.map((c) => ({
    epoch: c.epoch,
    step: c.step ?? (stepsRead ? c.epoch * run.stepsPerEpoch : null),
    images: geometryRead ? c.epoch * run.images * run.repeats : null,
    trainLoss: c.trainLoss,
    validationLoss: c.validationLoss,
    predictedTrain: scaled(predicted(c.epoch)?.trainLoss),
    predictedValidation: scaled(predicted(c.epoch)?.validationLoss),
  }));
  const anyTrain = run.checkpoints.some((c) => c.trainLoss !== null);
  const anyValidation = run.checkpoints.some((c) => c.validationLoss !== null);
  const lowest = run.checkpoints
    .filter((c) => c.validationLoss !== null)
    .reduce<(typeof run.checkpoints)[number] | null>((best, c) => (best === null || c.validationLoss! < best.validationLoss! ? c : best), null);

  // The team calibration from the team's other runs: this run's own pick never calibrates its own prediction.
  const team = await getTeamCalibration({ excludeRunId: run.id });
  const calibrated = team.ok ? { epoch: simulate(settings, { lossCurve: false, learningSpeed: team.learningSpeed }).recommendedEpoch, runs: team.runs } : null;
  const lossBase = MODEL.LOSS_SCALE[run.modelFamily];

  return (
    <section aria-labelledby="loss-heading" className={`stack ${styles.section}`} data-testid="predicted-vs-actual">
      <h2 id="loss-heading">Predicted versus actual</h2>
      <PredictedVsActualSummary
        settings={settings}
        predictedBest={run.recommendedEpoch}
        lowestMeasuredValidation={lowest?.epoch ?? null}
        calibrated={calibrated}
        calibrationNeeds={team.ok ? null : team.reason}
      />
      <h3>Measured and predicted loss</h3>
      {anyTrain || anyValidation ? (
        <PredictedVsActualChart rows={rows} predictedBest={run.recommendedEpoch} />
      ) : (
        <p className="alert">The trainer logged no loss for any epoch: only the prediction is known for this run.</p>
      )}
      <p className="muted" data-testid="loss-scaling">
        Solid lines are what the trainer logged; dashed lines the simulator&apos;s prediction for the same settings, on the same axis. Absolute losses differ by model family and trainer: the
        simulator&apos;s {MODEL_FAMILY_LABELS[run.modelFamily]} losses start near {lossBase}, and a trainer&apos;s loss weighting (min-SNR, v-prediction, flow matching) moves the level again.{" "}
        {scale
          ? `So every predicted loss is multiplied by one factor, ×${factor.toFixed(2)}, which makes the predicted mean ${scale.basis} loss equal the measured one over the ${scale.epochs} ${scale.epochs === 1 ? "epoch" : "epochs"} logged. One factor keeps each rise and fall of the prediction in its true proportion: compare the shapes, not the values.`
          : "Nothing to scale against was logged, so the prediction is shown unscaled: compare the shapes, not the values."}
        {!anyValidation && " No validation loss was logged: the trainer ran without a validation set."}
      </p>
      <details className={styles.dataTable}>
        <summary>Data table of the chart</summary>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Measured and predicted losses, scrolls sideways">
          <table>
            <caption>Losses per epoch: measured, and predicted for the same settings (predicted × {factor.toFixed(2)})</caption>
            <thead>
              <tr>
                <th scope="col">Epoch</th>
                <th scope="col">Step</th>
                <th scope="col">Training loss</th>
                <th scope="col">Validation loss</th>
                <th scope="col">Predicted training loss</th>
                <th scope="col">Predicted validation loss</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={row.epoch}>
                  <th scope="row">{row.epoch}</th>
                  <td className="num">{run.checkpoints[i].step === null ? "—" : formatInteger(run.checkpoints[i].step!)}</td>
                  <td className="num">{formatLoss(row.trainLoss)}</td>
                  <td className="num">{formatLoss(row.validationLoss)}</td>
                  <td className="num">{formatLoss(row.predictedTrain)}</td>
                  <td className="num">{formatLoss(row.predictedValidation)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
