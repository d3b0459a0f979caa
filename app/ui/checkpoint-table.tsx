// Every checkpoint's numbers as a table: the accessible, copyable view of the
// charts, shared by the run page and the playground (no hooks: renders on the server or the client).
// Columns, labels and formats come from the metric registry.
import { METRICS, METRIC_ORDER, type Checkpoint } from "@/lib/sim";
import { formatInteger } from "@/lib/format";
import { VerdictBadge } from "./verdict-badge";

export function CheckpointTable({ checkpoints, caption, recommendedEpoch }: { checkpoints: Checkpoint[]; caption: string; recommendedEpoch?: number }) {
  const bestQuality = Math.max(...checkpoints.map((c) => c.quality));
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
          {METRIC_ORDER.map((key) => (
            <th scope="col" className="num" key={key}>
              {METRICS[key].label}
            </th>
          ))}
          <th scope="col">Verdict</th>
        </tr>
      </thead>
      <tbody>
        {checkpoints.map((c) => (
          <tr key={c.epoch}>
            <th scope="row" className="num">
              {c.epoch === recommendedEpoch ? <strong>{c.epoch} (best)</strong> : c.epoch}
            </th>
            <td className="num">{formatInteger(c.step)}</td>
            {METRIC_ORDER.map((key) => (
              <td className="num" key={key}>
                {METRICS[key].format(c[key])}
              </td>
            ))}
            <td>
              <VerdictBadge verdict={c.verdict} quality={c.quality} bestQuality={bestQuality} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
