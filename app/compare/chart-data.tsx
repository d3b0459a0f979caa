// The compare page's chart numbers as a table, folded under the chart.
import { CHECKPOINT_METRICS, type OverlayMetricKey } from "@/lib/compare/metrics";
import type { OverlayAxis } from "@/lib/compare/overlay";
import { formatInteger } from "@/lib/format";
import type { RunDetail } from "@/lib/server/runs";
import { ScrollRegion } from "@/app/ui/scroll-region";
import styles from "@/app/ui/compare/compare.module.css";

/** The chart's numbers as a table, for screen readers and for reading exact values. */
export function ChartData({ runs, rows, seriesKeys, xKey, metric }: { runs: RunDetail[]; rows: Record<string, number | null>[]; seriesKeys: string[]; xKey: OverlayAxis; metric: OverlayMetricKey }) {
  const { digits, label } = CHECKPOINT_METRICS.find((m) => m.key === metric)!;
  return (
    <details className={styles.data}>
      <summary>Chart data ({rows.length} rows)</summary>
      <ScrollRegion className={styles.wrap} label={`${label} of each run by ${xKey}`}>
        <table className="data">
          <caption className="visually-hidden">
            {label} of each run by {xKey}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {xKey === "epoch" ? "Epoch" : "Step"}
              </th>
              {runs.map((run) => (
                <th key={run.id} scope="col" className="num">
                  {run.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row[xKey]}>
                <th scope="row" className="num">
                  {formatInteger(row[xKey] ?? 0)}
                </th>
                {seriesKeys.map((key) => (
                  <td key={key} className="num">
                    {row[key] == null ? "—" : row[key]!.toFixed(digits)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
