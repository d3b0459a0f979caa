// The run page's charts of every epoch checkpoint, with their data table.
import type { RunDetail } from "@/lib/server/runs";
import type { Settings } from "@/lib/sim";
import { epochZones, lossRows, metricRows, stepZones } from "@/lib/charts";
import { firstOverfitEpoch } from "@/lib/advice";
import { overfitOnsetEpoch } from "@/lib/replay";
import { CheckpointTable } from "@/app/ui/checkpoint-table";
import { ScrollRegion } from "@/app/ui/scroll-region";
import { DashboardCharts } from "./dashboard-charts";
import styles from "./dashboard.module.css";

export function ChartsSection({ run, settings }: { run: RunDetail; settings: Settings }) {
  const { checkpoints } = run;
  return (
    <section aria-labelledby="charts-heading" className={`stack ${styles.section}`}>
      <h2 id="charts-heading">Every epoch checkpoint</h2>
      <DashboardCharts
        lossRows={lossRows(checkpoints, run.lossCurve)}
        stepZones={stepZones(checkpoints)}
        epochSteps={checkpoints.map((c) => c.step)}
        metricRows={metricRows(checkpoints)}
        epochZones={epochZones(checkpoints)}
        overfitOnsetEpoch={overfitOnsetEpoch(checkpoints)}
        firstOverfitEpoch={firstOverfitEpoch(checkpoints)}
        geometry={{ images: settings.images, repeats: settings.repeats, batchSize: settings.batchSize }}
      />
      <details className={styles.dataTable}>
        <summary>Data table of the charts</summary>
        <ScrollRegion label="Checkpoint numbers, scrolls sideways">
          <CheckpointTable checkpoints={checkpoints} caption="Every checkpoint's numbers, as charted" />
        </ScrollRegion>
      </details>
    </section>
  );
}
