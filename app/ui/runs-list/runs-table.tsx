// The runs list's table (server-rendered): sortable headers as links, a
// checkbox per run for comparing, and each run's actions.
import Link from "next/link";
import { sortLink, type ListParams } from "@/lib/runs-list/list-url";
import { cloneSettingsHref } from "@/lib/clone-settings";
import { defaultCompareEpochs } from "@/lib/compare/epochs";
import { formatDateTime, formatInteger, formatScore } from "@/lib/format";
import { formatLearningRate } from "@/lib/sim";
import type { RunSummary } from "@/lib/server/runs";
import { QUALITY_GAP_NOTABLE } from "@/lib/replay";
import { VerdictBadge } from "@/app/ui/verdict-badge";
import { ColumnChooser } from "./column-chooser";
import { DEFAULT_HIDDEN_COLUMNS, type OptionalColumnKey } from "./columns";
import { CompareSelection } from "./compare-selection";
import { DeleteRunButton } from "./delete-run-button";
import styles from "./runs-list.module.css";
import { ButtonLink } from "@/app/ui/button";
import { FactList } from "@/app/ui/fact-list";
import { EpochsButton, RunNameLink } from "@/app/ui/run-links";

export const COMPARE_FORM_ID = "compare-runs-form";

type Column = { sort?: string; key: "name" | "verdict" | "gap" | OptionalColumnKey; label: string; numeric?: boolean; title?: string };

// Name, the last epoch's verdict and the gap first: the columns a reader scans for.
const COLUMNS: Column[] = [
  { sort: "name", key: "name", label: "Name" },
  { sort: "finalVerdict", key: "verdict", label: "Last epoch" },
  { sort: "qualityGap", key: "gap", label: "Gap", numeric: true, title: "Quality of the recommended epoch minus the last: what keeping the last costs" },
  { sort: "recommendedEpoch", key: "recommended", label: "Recommended", numeric: true },
  { sort: "pickedEpoch", key: "picked", label: "Picked", numeric: true },
  { sort: "bestQuality", key: "quality", label: "Best quality", numeric: true },
  { sort: "images", key: "images", label: "Images", numeric: true },
  { sort: "learningRate", key: "lr", label: "LR", numeric: true },
  { sort: "batchSize", key: "batch", label: "Batch", numeric: true },
  { sort: "epochs", key: "epochs", label: "Epochs × repeats", numeric: true },
  { sort: "totalSteps", key: "steps", label: "Total steps", numeric: true },
  { key: "lowestVal", label: "Lowest val. loss", numeric: true },
  { sort: "createdAt", key: "created", label: "Created" },
];

export const RUNS_TABLE_ID = "runs-table";

export function RunsTable({ runs, params }: { runs: RunSummary[]; params: ListParams }) {
  return (
    <form id={COMPARE_FORM_ID} action="/compare" method="get" className={styles.results}>
      <div className={styles.toolbar}>
        <CompareSelection formId={COMPARE_FORM_ID} />
        <ColumnChooser targetId={RUNS_TABLE_ID} />
      </div>
      <div className={`table-wrap ${styles.wrap}`} id={RUNS_TABLE_ID} data-hidden-columns={DEFAULT_HIDDEN_COLUMNS.join(" ")}>
        <table className={`data ${styles.table}`}>
          <caption className="visually-hidden">Stored runs; column headers sort the list</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.select}>
                <span className="visually-hidden">Compare</span>
              </th>
              {COLUMNS.map((column) => {
                const className = [column.numeric ? "num" : "", column.key === "name" ? styles.name : ""].filter(Boolean).join(" ") || undefined;
                if (!column.sort) {
                  return (
                    <th key={column.key} scope="col" className={className} data-col={column.key}>
                      {column.label}
                    </th>
                  );
                }
                const link = sortLink(params, column.sort);
                return (
                  <th key={column.key} scope="col" title={column.title} className={className} data-col={column.key} aria-sort={link.ariaSort === "none" ? undefined : link.ariaSort}>
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
      <ul className={`plain-list ${styles.cards}`} aria-label="Runs">
        {runs.map((run) => (
          <RunCard key={run.id} run={run} />
        ))}
      </ul>
    </form>
  );
}

/** After a simulator score of an imported run: its checkpoints were measured, these numbers were not. */
function Predicted({ run }: { run: RunSummary }) {
  if (run.source !== "imported") return null;
  return <span className="muted"> (predicted)</span>;
}

function Gap({ run }: { run: RunSummary }) {
  const notable = run.qualityGap >= QUALITY_GAP_NOTABLE;
  return (
    <>
      <span className={notable ? styles.gapNotable : undefined}>{formatScore(run.qualityGap)}</span>
      {notable && <span className="visually-hidden"> (last epoch notably worse)</span>}
      <Predicted run={run} />
    </>
  );
}

function RunActions({ run }: { run: RunSummary }) {
  return (
    <div className={styles.actions}>
      {defaultCompareEpochs(run).length >= 2 && <EpochsButton run={run} />}
      <ButtonLink href={cloneSettingsHref(run)} size="small">
        Clone<span className="visually-hidden"> settings of {run.name}</span>
      </ButtonLink>
      <DeleteRunButton id={run.id} name={run.name} checkpoints={run.epochs} />
    </div>
  );
}

function RunRow({ run }: { run: RunSummary }) {
  return (
    <tr>
      <td className={styles.select}>
        <input type="checkbox" name="runs" value={run.id} aria-label={`Select ${run.name}`} className={`check-input ${styles.checkbox}`} />
      </td>
      <th scope="row" className={styles.name} data-col="name">
        <RunNameLink run={run} />
      </th>
      <td className={styles.last} data-col="verdict">
        <span className="num">{run.epochs}</span> <VerdictBadge verdict={run.finalVerdict} quality={run.lastQuality} bestQuality={run.bestQuality} />
        <Predicted run={run} />
      </td>
      <td className="num" data-testid="quality-gap" data-col="gap">
        <Gap run={run} />
      </td>
      <td className="num" data-col="recommended">
        {run.recommendedEpoch}
        <Predicted run={run} />
      </td>
      <td className="num" data-col="picked">
        {run.pickedEpoch ?? <span aria-label="not picked">—</span>}
      </td>
      <td className="num" data-col="quality">
        {formatScore(run.bestQuality)}
        <Predicted run={run} />
      </td>
      <td className="num" data-col="images">
        {run.images}
      </td>
      <td className="num" data-col="lr">
        {formatLearningRate(run.learningRate)}
      </td>
      <td className="num" data-col="batch">
        {run.batchSize}
      </td>
      <td className="num" data-col="epochs">
        {run.epochs} × {run.repeats}
      </td>
      <td className="num" data-col="steps">
        {formatInteger(run.totalSteps)}
      </td>
      <td className="num" data-col="lowestVal">
        {run.lowestValidationEpoch}
        <Predicted run={run} />
      </td>
      <td className={styles.created} data-col="created">
        {formatDateTime(run.createdAt)}
      </td>
      <td>
        <RunActions run={run} />
      </td>
    </tr>
  );
}

/** A run as a card, for screens too narrow for the table. */
function RunCard({ run }: { run: RunSummary }) {
  return (
    <li className={`card ${styles.card}`} data-testid="run-card">
      <div className={styles.cardHead}>
        <input type="checkbox" name="runs" value={run.id} aria-label={`Select ${run.name}`} className={`check-input ${styles.checkbox}`} />
        <h2 className={styles.cardTitle}>
          <RunNameLink run={run} />
        </h2>
      </div>
      <FactList
        className={styles.cardFacts}
        facts={[
          {
            label: "Last epoch",
            value: (
              <>
                {run.epochs} <VerdictBadge verdict={run.finalVerdict} quality={run.lastQuality} bestQuality={run.bestQuality} />
                <Predicted run={run} />
              </>
            ),
          },
          { label: "Gap", value: <Gap run={run} /> },
          {
            label: "Recommended",
            value: (
              <>
                {run.recommendedEpoch}
                <Predicted run={run} />
              </>
            ),
          },
          { label: "Picked", value: run.pickedEpoch ?? "—" },
          {
            label: "Best quality",
            value: (
              <>
                {formatScore(run.bestQuality)}
                <Predicted run={run} />
              </>
            ),
          },
          { label: "Settings", value: `${run.images} img · ${run.epochs} × ${run.repeats} · LR ${formatLearningRate(run.learningRate)}` },
        ]}
      />
      <RunActions run={run} />
    </li>
  );
}
