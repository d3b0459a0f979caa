// The compare page's table of the compared runs: each run's recommended epoch
// and the chosen metric there, with links to its epochs and to drop it.
import { metricDefinition, type OverlayMetricKey } from "@/lib/compare/metrics";
import { COMPARE_RUNS_MIN, compareRunsHref, type CompareRunsQuery } from "@/lib/compare/query";
import { defaultCompareEpochs } from "@/lib/compare/epochs";
import { formatInteger, formatScore } from "@/lib/format";
import { ButtonLink } from "@/app/ui/button";
import { EpochsButton, RunNameLink } from "@/app/ui/run-links";
import { VerdictBadge } from "@/app/ui/verdict-badge";
import styles from "@/app/ui/compare/compare.module.css";
import type { ComparedRun } from "./compared-run";
import { measuredSteps } from "./mixed-runs";

/** The compared runs, one row each. */
export function ComparedRunsTable({ compared, metric, colors, query }: { compared: ComparedRun[]; metric: OverlayMetricKey; colors: string[]; query: CompareRunsQuery }) {
  const definition = metricDefinition(metric);
  const format = (value: number) => value.toFixed(definition.digits);
  const notMeasured = <span className={styles.notMeasured}>not measured</span>;
  return (
    <div className={`table-wrap ${styles.wrap}`}>
      <table className="data">
        <caption className="visually-hidden">The compared runs, their recommended epochs and the {definition.label.toLowerCase()} there</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col" className={`num ${styles.wrapHead}`}>
              Steps / epoch
            </th>
            <th scope="col" className="num">
              Recommended
            </th>
            <th scope="col" className={`num ${styles.wrapHead}`}>
              {definition.label} there
            </th>
            <th scope="col" className={`num ${styles.wrapHead}`}>
              Best quality
            </th>
            <th scope="col">Last epoch</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {compared.map(({ run, real }, index) => {
            const others = compared.filter((other) => other.run.id !== run.id).map((other) => other.run.id);
            const recommended = real ? null : run.checkpoints[run.recommendedEpoch - 1];
            const measuredThere = real?.checkpoints.find((c) => c.epoch === run.recommendedEpoch) ?? null;
            const realValue = metric === "validationLoss" ? (measuredThere?.validationLoss ?? null) : null;
            const realSteps = real && measuredSteps(real.checkpoints);
            return (
              <tr key={run.id} data-testid="compared-run">
                <th scope="row" className={styles.runName}>
                  <span className={styles.swatch} style={{ background: colors[index] }} aria-hidden="true" />
                  <RunNameLink run={run} />
                </th>
                <td className="num">{!real ? formatInteger(run.stepsPerEpoch) : realSteps ? formatInteger(realSteps.stepsPerEpoch) : <span className={styles.notMeasured}>not recorded</span>}</td>
                <td className="num">
                  {recommended ? (
                    <>
                      epoch {run.recommendedEpoch} · step {formatInteger(recommended.step)}
                    </>
                  ) : (
                    <>
                      epoch {run.recommendedEpoch} <span className={styles.notMeasured}>(predicted)</span>
                    </>
                  )}
                </td>
                <td className="num">{recommended ? format(recommended[metric]) : realValue !== null ? format(realValue) : notMeasured}</td>
                <td className="num">{real ? notMeasured : formatScore(run.bestQuality)}</td>
                <td>{real ? notMeasured : <VerdictBadge verdict={run.finalVerdict} quality={run.lastQuality} bestQuality={run.bestQuality} />}</td>
                <td>
                  <div className={styles.actions}>
                    {(real ? real.checkpoints.length + (real.beforeTraining.length > 0 ? 1 : 0) : defaultCompareEpochs(run).length) >= 2 && <EpochsButton run={run} />}
                    {others.length >= COMPARE_RUNS_MIN && (
                      <ButtonLink href={compareRunsHref(others, query)} size="small">
                        Remove<span className="visually-hidden"> {run.name} from the comparison</span>
                      </ButtonLink>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
