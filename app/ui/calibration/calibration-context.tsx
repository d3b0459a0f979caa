"use client";
// The team calibration a page read on the server (lib/runs getTeamCalibration),
// and the state of its "calibrated to your N real runs" switch, shared by the
// switch and whatever on the page follows it (the sweep's map, the panels).
import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import type { TeamCalibration } from "@/lib/sim/team-calibration";

interface CalibrationState {
  /** null: the page has no calibration to offer (nothing is shown). */
  calibration: TeamCalibration | null;
  on: boolean;
  setOn: (on: boolean) => void;
}

const CalibrationContext = createContext<CalibrationState>({ calibration: null, on: false, setOn: () => undefined });

/** `calibration` null (the database did not answer): the page shows no calibration at all. */
export function CalibrationProvider({ calibration, children }: { calibration: TeamCalibration | null; children: ReactNode }) {
  const [on, setOn] = useState(false);
  const value = useMemo(() => ({ calibration, on: on && calibration !== null && calibration.ok, setOn }), [calibration, on]);
  return <CalibrationContext.Provider value={value}>{children}</CalibrationContext.Provider>;
}

export function useTeamCalibration(): CalibrationState {
  return useContext(CalibrationContext);
}

/** The learning speed predictions on the page use: the team's fit while the switch is on, otherwise 1 (the default model). */
export function useLearningSpeed(): number {
  const { calibration, on } = useTeamCalibration();
  return on && calibration?.ok ? calibration.learningSpeed : 1;
}
