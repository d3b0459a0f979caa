"use client";
// Early stopping replayed on a finished run: a patience control, where
// training would have stopped, which checkpoint it would have kept, the steps,
// time and cost saved, and how that compares with the recommended and picked epochs.
import { useId, useMemo, useState } from "react";
import { formatInteger, formatScore } from "@/lib/format";
import { estimateRun, findStepTime, formatCost, formatDuration, gpuLabel, familyLabel, type TrainingShape } from "@/lib/estimate";
import { replayByPatience, REPLAY_PATIENCE } from "@/lib/replay";
import type { Checkpoint } from "@/lib/sim";
import { useEstimatePrefs } from "./estimate-prefs";
import styles from "./replay-panel.module.css";
import { ScrollRegion } from "@/app/ui/scroll-region";

export interface ReplayPanelProps {
  checkpoints: Pick<Checkpoint, "epoch" | "step" | "validationLoss" | "quality">[];
  stepsPerEpoch: number;
  recommendedEpoch: number;
  pickedEpoch: number | null;
  /** The run's images, repeats, epochs and batch size (for the time and cost saved). */
  settings: TrainingShape;
  /** Patience shown first (1–5, default 2). */
  initialPatience?: number;
  /** Heading level of the panel's title, to fit the page's outline (default 2). */
  headingLevel?: 2 | 3;
}

export function ReplayPanel({ checkpoints, stepsPerEpoch, recommendedEpoch, pickedEpoch, settings, initialPatience, headingLevel = 2 }: ReplayPanelProps) {
  const id = useId();
  const [patience, setPatience] = useState(clampPatience(initialPatience ?? REPLAY_PATIENCE.default));
  const [prefs] = useEstimatePrefs();
  const replays = useMemo(() => replayByPatience(checkpoints, REPLAY_PATIENCE.max), [checkpoints]);
  const estimate = useMemo(() => {
    const row = findStepTime(prefs.family, prefs.gpu, settings.batchSize);
    if (!row) return null;
    try {
      return estimateRun({ settings, stepTimeId: row.id, pricePerHour: prefs.pricePerHour });
    } catch {
      return null;
    }
  }, [prefs.family, prefs.gpu, prefs.pricePerHour, settings]);

  const qualityOf = (epoch: number) => checkpoints.find((checkpoint) => checkpoint.epoch === epoch)?.quality ?? 0;
  const savedOf = (stoppedAt: number) => {
    if (!estimate) return null;
    const atStop = estimate.perEpoch[stoppedAt - 1];
    if (!atStop) return null;
    return { seconds: estimate.totalSeconds - atStop.cumulativeSeconds, cost: estimate.cost - atStop.cumulativeCost };
  };

  const result = replays[patience - 1];
  const saved = savedOf(result.stoppedAtEpoch);
  const stepsSaved = result.epochsSaved * stepsPerEpoch;
  const lastEpoch = checkpoints.reduce((last, checkpoint) => Math.max(last, checkpoint.epoch), 0);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const keptQuality = qualityOf(result.keptEpoch);

  return (
    <section className="card panel" aria-labelledby={`${id}-title`} data-testid="replay-panel">
      <Heading id={`${id}-title`} className="panel-title">
        Early stopping, replayed
      </Heading>
      <p className={styles.intro}>Stop once validation loss has not improved for a number of epochs in a row (the patience), and keep the best checkpoint so far.</p>
      <div className="field">
        <label htmlFor={`${id}-patience`}>Patience (epochs without a better validation loss)</label>
        <div className={styles.sliderRow}>
          <input
            id={`${id}-patience`}
            type="range"
            min={REPLAY_PATIENCE.min}
            max={REPLAY_PATIENCE.max}
            step={1}
            value={patience}
            onChange={(event) => setPatience(clampPatience(Number(event.target.value)))}
            aria-valuetext={`${patience} ${patience === 1 ? "epoch" : "epochs"}`}
          />
          <output htmlFor={`${id}-patience`} className={styles.value}>
            {patience}
          </output>
        </div>
      </div>

      <p className={styles.result} aria-live="polite" data-testid="replay-result">
        {result.stoppedEarly ? (
          <>
            Training would have stopped after <strong>epoch {result.stoppedAtEpoch}</strong>, keeping <strong>epoch {result.keptEpoch}</strong> (lowest validation loss) — {formatInteger(stepsSaved)}{" "}
            steps
            {saved ? `, ~${formatDuration(saved.seconds)}, ~${formatCost(saved.cost)}` : ""} saved.
          </>
        ) : (
          <>
            With patience {patience}, training would have run all {lastEpoch} epochs and kept <strong>epoch {result.keptEpoch}</strong> (lowest validation loss): nothing saved.
          </>
        )}
      </p>

      <ul className={styles.comparison}>
        <li>
          {recommendedEpoch === result.keptEpoch ? (
            <>The recommended epoch is the same one, {recommendedEpoch}.</>
          ) : (
            <>
              The recommended epoch is {recommendedEpoch} (quality {formatScore(qualityOf(recommendedEpoch))}){recommendedEpoch > result.stoppedAtEpoch ? ", which early stopping never trains" : ""};
              the kept epoch scores {formatScore(keptQuality)}.
            </>
          )}
        </li>
        <li>
          {pickedEpoch === null ? (
            <>No epoch picked yet.</>
          ) : pickedEpoch === result.keptEpoch ? (
            <>Your pick, epoch {pickedEpoch}, is the one early stopping keeps.</>
          ) : (
            <>
              Your pick is epoch {pickedEpoch} (quality {formatScore(qualityOf(pickedEpoch))}){pickedEpoch > result.stoppedAtEpoch ? ": early stopping would never have trained it" : ""}.
            </>
          )}
        </li>
      </ul>

      <ScrollRegion label="Early stopping at each patience">
        <table className={`data ${styles.table}`}>
          <caption className="visually-hidden">Early stopping at each patience</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Patience
              </th>
              <th scope="col" className="num">
                Stops after
              </th>
              <th scope="col" className="num">
                Keeps (quality)
              </th>
              <th scope="col" className="num">
                Steps saved
              </th>
            </tr>
          </thead>
          <tbody>
            {replays.map((replay) => {
              const rowSaved = savedOf(replay.stoppedAtEpoch);
              return (
                <tr key={replay.patience} className={replay.patience === patience ? styles.current : undefined}>
                  <th scope="row" className="num">
                    {replay.patience}
                    {replay.patience === patience && <span className="visually-hidden"> (shown above)</span>}
                  </th>
                  <td className="num">
                    {replay.stoppedAtEpoch}
                    {!replay.stoppedEarly && <span className={styles.sub}>the end</span>}
                  </td>
                  <td className="num">
                    {replay.keptEpoch} <span className={styles.quality}>({formatScore(qualityOf(replay.keptEpoch))})</span>
                  </td>
                  <td className="num">
                    {replay.stoppedEarly ? (
                      <>
                        {formatInteger(replay.epochsSaved * stepsPerEpoch)}
                        {rowSaved && <span className={styles.sub}>{formatDuration(rowSaved.seconds)}</span>}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      {estimate && (
        <p className={styles.note}>
          Time and cost for {familyLabel(estimate.stepTime.modelFamily)} on {gpuLabel(estimate.stepTime.gpu)} at {formatCost(prefs.pricePerHour)}/h, as chosen in the estimate.
        </p>
      )}
    </section>
  );
}

function clampPatience(value: number): number {
  if (!Number.isFinite(value)) return REPLAY_PATIENCE.default;
  return Math.min(REPLAY_PATIENCE.max, Math.max(REPLAY_PATIENCE.min, Math.round(value)));
}
