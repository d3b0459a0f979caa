// The runs list's table (server-rendered): sortable headers as links, a
// checkbox per run for comparing, and each run's actions.
import Link from "next/link";
import { sortLink, type ListParams } from "@/lib/browse/list-url";
import { cloneSettingsHref } from "@/lib/clone-settings";
import { defaultCompareEpochs } from "@/lib/compare/epochs";
import { compareEpochsHref } from "@/lib/compare/query";
import { formatDateTime, formatInteger, formatRate, formatScore } from "@/lib/format";
import type { RunSummary } from "@/lib/runs";
import { QUALITY_GAP_NOTABLE } from "@/lib/replay";
import { VerdictBadge } from "@/app/ui/verdict-badge";
import { CompareSelection } from "./compare-selection";
import { DeleteRunButton } from "./delete-run-button";
import styles from "./runs-list.module.css";

export const COMPARE_FORM_ID = "compare-runs-form";

const COLUMNS: { sort?: string; key?: string; label: string; numeric?: boolean; title?: string }[] = [
  { sort: "name", label: "Name" },
  { sort: "images", label: "Images", numeric: true },
  { sort: "learningRate", label: "LR", numeric: true },
  { sort: "batchSize", label: "Batch", numeric: true },
  { sort: "epochs", label: "Epochs × repeats", numeric: true },
  { sort: "totalSteps", label: "Total steps", numeric: true },
  { sort: "recommendedEpoch", label: "Recommended", numeric: true },
  { sort: "pickedEpoch", label: "Picked", numeric: true },
  { sort: "bestQuality", label: "Best quality", numeric: true },
  { key: "lowestValidationEpoch", label: "Lowest val. loss", numeric: true },
  { sort: "finalVerdict", label: "Last epoch" },
  { sort: "qualityGap", label: "Gap", numeric: true, title: "Quality of the recommended epoch minus the last: what keeping the last costs" },
  { sort: "createdAt", label: "Created" },
];

export function RunsTable({ runs, params }: { runs: RunSummary[]; params: ListParams }) {
  return (
    <form id={COMPARE_FORM_ID} action="/compare" method="get" className={styles.results}>
      <CompareSelection formId={COMPARE_FORM_ID} />
      <div className={`table-wrap ${styles.wrap}`}>
        <table className={`data ${styles.table}`}>
          <caption className="visually-hidden">Stored runs; column headers sort the list</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.select}>
                <span className="visually-hidden">Compare</span>
              </th>
              {COLUMNS.map((column) => {
                if (!column.sort) {
                  return (
                    <th key={column.key} scope="col" className={column.numeric ? "num" : undefined}>
                      {column.label}
                    </th>
                  );
                }
                const link = sortLink(params, column.sort);
                return (
                  <th key={column.sort} scope="col" title={column.title} className={column.numeric ? "num" : undefined} aria-sort={link.ariaSort === "none" ? undefined : link.ariaSort}>
                    <Link href={link.href} className={styles.sort} scroll={false}>
                      {column.label}
                      <span aria-hidden="true" className={styles.arrow}>
                        {link.ariaSort === "ascending" ? "▲" : link.ariaSort === "descending" ? "▼" : "↕"}
                      </span>
                    </Link>
                  </th>
                );
              })}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <RunRow key={run.id} run={run} />
            ))}
          </tbody>
        </table>
      </div>
    </form>
  );
}

function RunRow({ run }: { run: RunSummary }) {
  const epochs = defaultCompareEpochs(run);
  return (
    <tr>
      <td className={styles.select}>
        <input type="checkbox" name="runs" value={run.id} aria-label={`Select ${run.name}`} className={styles.checkbox} />
      </td>
      <th scope="row" className={styles.name}>
        <Link href={`/runs/${run.id}`}>{run.name}</Link>
        {run.source === "imported" && (
          <>
            {" "}
            <span className="badge badge-accent">Imported</span>
          </>
        )}
      </th>
      <td className="num">{run.images}</td>
      <td className="num">{formatRate(run.learningRate)}</td>
      <td className="num">{run.batchSize}</td>
      <td className="num">
        {run.epochs} × {run.repeats}
      </td>
      <td className="num">{formatInteger(run.totalSteps)}</td>
      <td className="num">{run.recommendedEpoch}</td>
      <td className="num">{run.pickedEpoch ?? <span aria-label="not picked">—</span>}</td>
      <td className="num">{formatScore(run.bestQuality)}</td>
      <td className="num">{run.lowestValidationEpoch}</td>
      <td className={styles.last}>
        <span className="num">{run.epochs}</span> <VerdictBadge verdict={run.finalVerdict} quality={run.lastQuality} bestQuality={run.bestQuality} />
      </td>
      <td className="num" data-testid="quality-gap">
        <span className={run.qualityGap >= QUALITY_GAP_NOTABLE ? styles.gapNotable : undefined}>{formatScore(run.qualityGap)}</span>
        {run.qualityGap >= QUALITY_GAP_NOTABLE && <span className="visually-hidden"> (last epoch notably worse)</span>}
      </td>
      <td className={styles.created}>{formatDateTime(run.createdAt)}</td>
      <td>
        <div className={styles.actions}>
          {epochs.length >= 2 && (
            <Link href={compareEpochsHref(run.id, epochs)} className="button button-small">
              Epochs<span className="visually-hidden"> of {run.name} side by side</span>
            </Link>
          )}
          <Link href={cloneSettingsHref(run)} className="button button-small">
            Clone<span className="visually-hidden"> settings of {run.name}</span>
          </Link>
          <DeleteRunButton id={run.id} name={run.name} checkpoints={run.epochs} />
        </div>
      </td>
    </tr>
  );
}
