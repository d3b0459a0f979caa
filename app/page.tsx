import type { Metadata } from "next";
import Link from "next/link";
import { listRuns } from "@/lib/runs";
import { formatInteger, formatRate, formatScore } from "@/lib/format";
import { VerdictBadge } from "./ui/verdict-badge";

export const metadata: Metadata = { title: "Runs" };
export const dynamic = "force-dynamic";

export default async function RunsPage() {
  const { runs } = await listRuns({ limit: 50 });
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Runs</h1>
          <p>Every simulated LoRA training run, newest first, with the epoch to keep.</p>
        </div>
        <Link href="/runs/new" className="button button-primary">
          New run
        </Link>
      </div>
      {runs.length === 0 ? (
        <div className="card empty-state">
          <h2>No runs yet</h2>
          <p className="muted">Simulate a first training run to see how its epochs compare.</p>
          <Link href="/runs/new" className="button button-primary">
            Create your first run
          </Link>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">Stored runs</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">Images</th>
                <th scope="col" className="num">LR</th>
                <th scope="col" className="num">Batch</th>
                <th scope="col" className="num">Epochs × repeats</th>
                <th scope="col" className="num">Total steps</th>
                <th scope="col" className="num">Recommended</th>
                <th scope="col" className="num">Picked</th>
                <th scope="col" className="num">Best quality</th>
                <th scope="col">Last epoch</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id}>
                  <td>
                    <Link href={`/runs/${run.id}`}>{run.name}</Link>
                  </td>
                  <td className="num">{run.images}</td>
                  <td className="num">{formatRate(run.learningRate)}</td>
                  <td className="num">{run.batchSize}</td>
                  <td className="num">
                    {run.epochs} × {run.repeats}
                  </td>
                  <td className="num">{formatInteger(run.totalSteps)}</td>
                  <td className="num">{run.recommendedEpoch}</td>
                  <td className="num">{run.pickedEpoch ?? "—"}</td>
                  <td className="num">{formatScore(run.bestQuality)}</td>
                  <td>
                    <VerdictBadge verdict={run.finalVerdict} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
