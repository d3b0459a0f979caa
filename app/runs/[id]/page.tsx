import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getRun } from "@/lib/runs";
import { formatDateTime, formatInteger, formatLoss, formatRate, formatScore } from "@/lib/format";
import { VerdictBadge } from "@/app/ui/verdict-badge";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const run = await getRun((await params).id);
  return { title: run ? run.name : "Run not found" };
}

export default async function RunPage({ params }: Props) {
  const run = await getRun((await params).id);
  if (!run) notFound();
  return (
    <div className="page stack">
      <div className="page-header">
        <div>
          <h1>{run.name}</h1>
          <p>
            {run.images} images · {run.repeats} repeats · {run.epochs} epochs · batch {run.batchSize} · LR {formatRate(run.learningRate)} ·{" "}
            {formatInteger(run.totalSteps)} steps · created {formatDateTime(run.createdAt)}
          </p>
        </div>
      </div>
      {run.notes && <p className="card">{run.notes}</p>}
      <section aria-labelledby="checkpoints-heading">
        <h2 id="checkpoints-heading">Checkpoints</h2>
        <div className="table-wrap">
          <table className="data">
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
              {run.checkpoints.map((checkpoint) => (
                <tr key={checkpoint.epoch}>
                  <th scope="row" className="num">
                    {checkpoint.epoch}
                    {checkpoint.epoch === run.recommendedEpoch && <span className="badge badge-accent">Recommended</span>}
                    {checkpoint.epoch === run.pickedEpoch && <span className="badge badge-accent">Picked</span>}
                  </th>
                  <td className="num">{formatInteger(checkpoint.step)}</td>
                  <td className="num">{formatLoss(checkpoint.trainLoss)}</td>
                  <td className="num">{formatLoss(checkpoint.validationLoss)}</td>
                  <td className="num">{formatScore(checkpoint.fidelity)}</td>
                  <td className="num">{formatScore(checkpoint.flexibility)}</td>
                  <td className="num">{formatScore(checkpoint.captionAdherence)}</td>
                  <td className="num">{formatScore(checkpoint.overfitRisk)}</td>
                  <td className="num">{formatScore(checkpoint.quality)}</td>
                  <td>
                    <VerdictBadge verdict={checkpoint.verdict} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
