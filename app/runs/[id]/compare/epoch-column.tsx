// One column of the epochs page: a checkpoint's verdict, its samples, every
// metric with its difference from the first column, and its pick button.
import { differenceOf } from "@/lib/compare/difference";
import { CHECKPOINT_METRICS, formatMetric } from "@/lib/compare/metrics";
import { SAMPLE_PROMPTS } from "@/lib/preview";
import type { RunDetail } from "@/lib/server/runs";
import { SampleImage } from "@/app/ui/sample-image";
import { formatSampleView } from "@/app/ui/sample-viewer/view-param";
import { VerdictBadge } from "@/app/ui/verdict-badge";
import { EpochColumnControls } from "@/app/ui/compare/epoch-column-controls";
import { EpochColumnCard, MetricRow, SampleLink } from "@/app/ui/compare/epochs-page";
import { PickEpochButton } from "@/app/ui/compare/pick-epoch-button";
import styles from "@/app/ui/compare/epochs.module.css";

export function EpochColumn({ run, epochs, index }: { run: RunDetail; epochs: number[]; index: number }) {
  const epoch = epochs[index];
  const checkpoint = run.checkpoints[epoch - 1];
  const baseline = run.checkpoints[epochs[0] - 1];
  return (
    <EpochColumnCard
      epoch={epoch}
      title={`Epoch ${epoch}`}
      controls={<EpochColumnControls runId={run.id} epochs={epochs} index={index} epochCount={run.epochs} />}
      badges={
        <>
          <VerdictBadge verdict={checkpoint.verdict} quality={checkpoint.quality} bestQuality={run.checkpoints[run.recommendedEpoch - 1].quality} />
          {epoch === run.recommendedEpoch && <span className="badge badge-accent">Recommended</span>}
          {epoch === run.pickedEpoch && <span className="badge badge-accent">Picked</span>}
          {index === 0 && <span className="badge">Baseline</span>}
        </>
      }
    >
      <div className={styles.previews}>
        {SAMPLE_PROMPTS.map((prompt) => (
          <SampleLink key={prompt.id} runId={run.id} epochs={epochs} view={formatSampleView({ runId: run.id, epoch, promptId: prompt.id })} label={`Epoch ${epoch}, “${prompt.text}”: view full size`}>
            <SampleImage runId={run.id} checkpoint={checkpoint} seed={run.seed} prompt={prompt} size={160} />
          </SampleLink>
        ))}
      </div>
      <dl className={styles.metrics}>
        {CHECKPOINT_METRICS.map((metric) => (
          <MetricRow key={metric.key} metric={metric} difference={index > 0 ? differenceOf(checkpoint[metric.key], baseline[metric.key], { digits: metric.digits, polarity: metric.polarity }) : null}>
            <span className={styles.value}>{formatMetric(metric.key, checkpoint[metric.key])}</span>
          </MetricRow>
        ))}
      </dl>
      <PickEpochButton runId={run.id} epoch={epoch} picked={run.pickedEpoch === epoch} className={styles.pick} />
    </EpochColumnCard>
  );
}
