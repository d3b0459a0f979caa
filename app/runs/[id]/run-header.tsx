// The run page's header card: name and notes (editable), every setting, the
// step count, the simulator version, the pick status, tags and blind review.
import Link from "next/link";
import type { RunDetail } from "@/lib/server/runs";
import { describeSteps } from "@/lib/form/steps";
import { formatDateTime } from "@/lib/format";
import { formatSetting, SETTING_ORDER, SETTINGS, SIMULATOR_VERSION, type Settings } from "@/lib/sim";
import { RunTags } from "@/app/ui/run-tags";
import { PickStatus } from "./pick-context";
import { RunDetailsEditor } from "./run-details-editor";
import { SimulatorVersion } from "./simulator-version";
import styles from "./dashboard.module.css";

export function RunHeader({ run, settings, canWrite, reviews, tags }: { run: RunDetail; settings: Settings; canWrite: boolean; reviews: number; tags: string[] }) {
  return (
    <header className={`card ${styles.header}`}>
      <RunDetailsEditor runId={run.id} initialName={run.name} initialNotes={run.notes} />
      <dl className={`stat-list ${styles.settings}`} aria-label="Settings">
        {SETTING_ORDER.filter((key) => key !== "name").map((key) => (
          <div key={key}>
            <dt>{SETTINGS[key].label}</dt>
            <dd>{formatSetting(key, settings[key])}</dd>
          </div>
        ))}
      </dl>
      <p className={styles.steps}>
        <strong>Steps:</strong> {describeSteps(settings)}
      </p>
      <p className="muted">
        Created <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>
      </p>
      <SimulatorVersion runId={run.id} version={run.simulatorVersion} currentVersion={SIMULATOR_VERSION} canWrite={canWrite} />
      <PickStatus />
      <RunTags runId={run.id} initialTags={tags} canWrite={canWrite} />
      <p>
        <Link href={`/runs/${run.id}/review`}>Blind review</Link>{" "}
        <span className="muted">
          ({reviews} {reviews === 1 ? "vote" : "votes"} so far)
        </span>
      </p>
    </header>
  );
}
