// The run page's header card: name and notes (editable), every setting, the
// step count, the simulator version, the pick status, tags and blind review.
// An imported run's page (imported-run.tsx) uses the same card, with its own
// lines about where the run came from.
import type { ReactNode } from "react";
import Link from "next/link";
import type { RunDetail } from "@/lib/server/runs";
import { describeSteps } from "@/lib/form/steps";
import { formatDateTime } from "@/lib/format";
import { formatSetting, SETTING_ORDER, SETTINGS, SIMULATOR_VERSION, type SettingKey, type Settings } from "@/lib/sim";
import { FactList } from "@/app/ui/fact-list";
import { RunTags } from "@/app/ui/run-tags";
import { PickStatus } from "./pick-context";
import { RunDetailsEditor } from "./run-details-editor";
import { SimulatorVersion } from "./simulator-version";
import styles from "./dashboard.module.css";

export function RunHeader({ run, settings, canWrite, reviews, tags }: { run: RunDetail; settings: Settings; canWrite: boolean; reviews: number; tags: string[] }) {
  return (
    <RunHeaderCard run={run} setting={(key) => formatSetting(key, settings[key])} canWrite={canWrite} reviews={reviews} tags={tags}>
      <p className={styles.steps}>
        <strong>Steps:</strong> {describeSteps(settings)}
      </p>
      <p className="muted">
        Created <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>
      </p>
      <SimulatorVersion runId={run.id} version={run.simulatorVersion} currentVersion={SIMULATOR_VERSION} canWrite={canWrite} />
    </RunHeaderCard>
  );
}

/**
 * The header card of any run: `lead` above the name, the editable name and
 * notes, every setting as `setting` shows it, the run's own lines (children),
 * then the pick status, tags and the blind review link.
 */
export function RunHeaderCard({
  run,
  lead,
  setting,
  canWrite,
  reviews,
  tags,
  children,
}: {
  run: { id: string; name: string; notes: string };
  lead?: ReactNode;
  setting: (key: SettingKey) => ReactNode;
  canWrite: boolean;
  reviews: number;
  tags: string[];
  children: ReactNode;
}) {
  return (
    <header className={`card ${styles.header}`}>
      {lead}
      <RunDetailsEditor runId={run.id} initialName={run.name} initialNotes={run.notes} />
      <FactList className={`stat-list ${styles.settings}`} label="Settings" facts={SETTING_ORDER.filter((key) => key !== "name").map((key) => ({ label: SETTINGS[key].label, value: setting(key) }))} />
      {children}
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
