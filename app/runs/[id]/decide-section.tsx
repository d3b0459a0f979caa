// The run page's "Decide" section: best versus last epoch, early stopping,
// the GPU cost estimate and the twin runs.
import type { RunDetail } from "@/lib/server/runs";
import type { Settings } from "@/lib/sim";
import { firstOverfitEpoch } from "@/lib/advice";
import { bestVersusLast, overfitOnsetEpoch } from "@/lib/replay";
import { TwinActions } from "@/app/ui/decide/twin-actions-panel";
import { DeferredEstimatePanel } from "./lazy-leaves";
import { PickedBestVersusLast, PickedReplayPanel } from "./picked-panels";
import styles from "./dashboard.module.css";

export function DecideSection({ run, settings, canWrite }: { run: RunDetail; settings: Settings; canWrite: boolean }) {
  const { checkpoints } = run;
  return (
    <section aria-labelledby="decide-heading" className={`stack ${styles.section}`} data-testid="decide-section">
      <h2 id="decide-heading">Decide</h2>
      <p className="muted">Which epoch to keep, where early stopping would have ended, what this run costs on a real GPU, and a twin to test one trade-off.</p>
      <PickedBestVersusLast
        {...bestVersusLast(run)}
        overfitOnsetEpoch={overfitOnsetEpoch(checkpoints)}
        firstOverfitEpoch={firstOverfitEpoch(checkpoints)}
        lastVerdict={checkpoints[checkpoints.length - 1].verdict}
        headingLevel={3}
      />
      <div className={styles.decideGrid}>
        <PickedReplayPanel checkpoints={checkpoints} stepsPerEpoch={run.stepsPerEpoch} recommendedEpoch={run.recommendedEpoch} settings={settings} headingLevel={3} />
        <DeferredEstimatePanel images={settings.images} repeats={settings.repeats} epochs={settings.epochs} batchSize={settings.batchSize} headingLevel={3} />
      </div>
      <TwinActions runId={run.id} settings={settings} canWrite={canWrite} headingLevel={3} />
    </section>
  );
}
