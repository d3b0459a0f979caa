// The compare page's settings table: every setting of each run, the ones that
// differ highlighted; with a real run among them, where each run came from.
import type { RunDetail } from "@/lib/server/runs";
import { ScrollRegion } from "@/app/ui/scroll-region";
import styles from "@/app/ui/compare/compare.module.css";
import { SERIES_COLORS } from "./compared-run";
import type { SettingsDiffRow } from "@/lib/compare/settings-diff";

/** `sources` names where each run came from; null when every run is simulated (no Source row then). */
export function SettingsDiff({ runs, diff, sources }: { runs: RunDetail[]; diff: SettingsDiffRow[]; sources: string[] | null }) {
  const sourcesDiffer = sources !== null && sources.some((source) => source !== sources[0]);
  const differing = diff.filter((row) => row.differs).length;
  return (
    <section className="stack" aria-labelledby="settings-heading">
      <div>
        <h2 id="settings-heading">Settings</h2>
        <p className="muted">{differing === 0 ? "These runs have identical settings." : `${differing} of ${diff.length} settings differ; they are highlighted.`}</p>
      </div>
      <ScrollRegion className={styles.wrap} labelledBy="settings-heading">
        <table className={`data ${styles.diff}`}>
          <caption className="visually-hidden">Settings of each run; rows marked “differs” are not the same for every run</caption>
          <thead>
            <tr>
              <th scope="col">Setting</th>
              {runs.map((run, index) => (
                <th key={run.id} scope="col" className="num">
                  <span className={styles.swatch} style={{ background: SERIES_COLORS[index] }} aria-hidden="true" />
                  {run.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sources && (
              <tr className={sourcesDiffer ? styles.differs : undefined}>
                <th scope="row">
                  Source
                  {sourcesDiffer && <span className={`badge badge-accent ${styles.differsBadge}`}>differs</span>}
                </th>
                {sources.map((source, index) => (
                  <td key={runs[index].id} className="num">
                    {source}
                  </td>
                ))}
              </tr>
            )}
            {diff.map((row) => (
              <tr key={row.key} className={row.differs ? styles.differs : undefined}>
                <th scope="row">
                  {row.label}
                  {row.differs && <span className={`badge badge-accent ${styles.differsBadge}`}>differs</span>}
                </th>
                {row.values.map((value, index) => (
                  <td key={runs[index].id} className="num">
                    {value}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
