"use client";
// The "Calibrated to your N real runs" switch, or, while the team has fewer
// than three imported runs with a picked epoch, the sentence saying what is
// needed instead (no switch: there is nothing to calibrate to yet).
import Link from "next/link";
import { useId } from "react";
import { useHydrated } from "@/app/ui/use-hydrated";
import { useTeamCalibration } from "./calibration-context";
import { describeFit, runsLabel } from "./format";
import styles from "./calibration.module.css";

export function CalibrationSwitch() {
  const { calibration, on, setOn } = useTeamCalibration();
  const hydrated = useHydrated();
  const id = useId();
  if (!calibration) return null;
  if (!calibration.ok) {
    return (
      <p className={styles.needs} data-testid="calibration-needs">
        {calibration.reason} <Link href="/runs/import">Import a run</Link>
      </p>
    );
  }
  return (
    <div data-testid="calibration-switch" data-hydrated={hydrated ? "true" : undefined}>
      <label className={`check-label ${styles.switchLabel}`}>
        <input type="checkbox" role="switch" checked={on} aria-describedby={`${id}-hint`} onChange={(event) => setOn(event.target.checked)} />
        Calibrated to your {runsLabel(calibration.runs)}
      </label>
      <p id={`${id}-hint`} className={`field-hint ${styles.hint}`}>
        {describeFit(calibration)}
        {calibration.pickedLastEpoch > 0 &&
          ` ${calibration.pickedLastEpoch === 1 ? "One run was picked at its last epoch; its" : `${calibration.pickedLastEpoch} runs were picked at their last epoch; their`} best may lie past the end, so the real speed may be a little slower.`}
      </p>
    </div>
  );
}
