// Every checkpoint's numbers as a table: the accessible, copyable view of the
// charts, shared by the run page and the playground (no hooks: renders on the server or the client).
import type { Checkpoint } from "@/lib/sim";
import { formatInteger, formatLoss, formatScore } from "@/lib/format";
import { VerdictBadge } from "./verdict-badge";

export function CheckpointTable({ checkpoints, caption, recommendedEpoch }: { checkpoints: Checkpoint[]; caption: string; recommendedEpoch?: number }) {
  const bestQuality = Math.max(...checkpoints.map((c) => c.quality));
  return (
    <table className="data">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">Epoch</th>
          <th scope="col" className="num">Step</th>
          <th scope="col" className="num">Train loss</th>
          <th scope="col" className="num">Validation loss</th>
          <th scope="col" className="num">Fidelity</th>
          <th scope="col" className="num">Flexibility</th>
          <th scope="col" className="num">Caption adherence</th>
          <th scope="col" className="num">Overfit risk</th>
          <th scope="col" className="num">Quality</th>
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
            <td className="num">{formatLoss(c.trainLoss)}</td>
            <td className="num">{formatLoss(c.validationLoss)}</td>
            <td className="num">{formatScore(c.fidelity)}</td>
            <td className="num">{formatScore(c.flexibility)}</td>
            <td className="num">{formatScore(c.captionAdherence)}</td>
            <td className="num">{formatScore(c.overfitRisk)}</td>
            <td className="num">{formatScore(c.quality)}</td>
            <td>
              <VerdictBadge verdict={c.verdict} quality={c.quality} bestQuality={bestQuality} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
