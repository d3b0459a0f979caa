// /compare with no runs in the URL yet: the latest runs, to tick and compare.
import Link from "next/link";
import { COMPARE_RUNS_MIN } from "@/lib/compare/query";
import { listRuns } from "@/lib/server/runs";
import { ButtonLink } from "@/app/ui/button";
import { EmptyState } from "@/app/ui/empty-state";
import { CompareSelection } from "@/app/ui/runs-list/compare-selection";
import styles from "@/app/ui/compare/compare.module.css";

export async function ChooseRuns() {
  const { runs } = await listRuns({ limit: 12 });
  if (runs.length < COMPARE_RUNS_MIN) {
    return (
      <EmptyState title="Not enough runs to compare" description="Comparing needs at least two stored runs.">
        <ButtonLink href="/runs/new" variant="primary">
          Create a run
        </ButtonLink>
      </EmptyState>
    );
  }
  return (
    <form id="choose-runs-form" action="/compare" method="get" className={`card ${styles.chooser}`}>
      <h2>Choose runs</h2>
      <p className="muted">
        The latest runs; <Link href="/">the runs list</Link> can search and filter all of them.
      </p>
      <fieldset className={styles.choices}>
        <legend className="visually-hidden">Runs to compare</legend>
        {runs.map((run) => (
          <label key={run.id} className={styles.choice}>
            <input type="checkbox" name="runs" value={run.id} />
            <span>{run.name}</span>
          </label>
        ))}
      </fieldset>
      <CompareSelection formId="choose-runs-form" />
    </form>
  );
}
