// Every checkpoint's numbers as a table: the accessible, copyable view of the
// charts, shared by the run page and the playground (no hooks: renders on the server or the client).
// Columns, labels and formats come from the metric registry.
import type { ReactNode } from "react";
import { METRICS, METRIC_ORDER, type Checkpoint, type MetricKey } from "@/lib/sim";
import { formatInteger } from "@/lib/format";
import { VerdictBadge } from "./verdict-badge";

export function CheckpointTable({ checkpoints, caption, recommendedEpoch }: { checkpoints: Checkpoint[]; caption: string; recommendedEpoch?: number }) {
  const bestQuality = Math.max(...checkpoints.map((c) => c.quality));
  return (
    <CheckpointNumbers
      checkpoints={checkpoints}
      metrics={METRIC_ORDER}
      caption={caption}
      recommendedEpoch={recommendedEpoch}
      verdict={(c) => <VerdictBadge verdict={c.verdict} quality={c.quality} bestQuality={bestQuality} />}
    />
  );
}

/**
 * A table of checkpoints, one row each: the epoch (the recommended one marked
 * "best"), the step, the given metrics and, when `verdict` is given, a verdict
 * column. The lessons show a run's losses alone with it.
 */
export function CheckpointNumbers<K extends MetricKey, Row extends Pick<Checkpoint, "epoch" | "step"> & Record<K, number>>({
  checkpoints,
  metrics,
  caption,
  recommendedEpoch,
  verdict,
}: {
  checkpoints: readonly Row[];
  metrics: readonly K[];
  caption: string;
  recommendedEpoch?: number;
  verdict?: (checkpoint: Row) => ReactNode;
}) {
  return (
    <table className="data">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Epoch
          </th>
          <th scope="col" className="num">
            Step
          </th>
          {metrics.map((key) => (
            <th scope="col" className="num" key={key}>
              {METRICS[key].label}
            </th>
          ))}
          {verdict && <th scope="col">Verdict</th>}
        </tr>
      </thead>
      <tbody>
        {checkpoints.map((c) => (
          <tr key={c.epoch}>
            <th scope="row" className="num">
              {c.epoch === recommendedEpoch ? <strong>{c.epoch} (best)</strong> : c.epoch}
            </th>
            <td className="num">{formatInteger(c.step)}</td>
            {metrics.map((key) => (
              <td className="num" key={key}>
                {METRICS[key].format(c[key])}
              </td>
            ))}
            {verdict && <td>{verdict(c)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
