// The team calibration read from the database: every imported run with a
// picked epoch, fitted by lib/sim/team-calibration. Pages pass the result to
// their client leaves (the "calibrated to your N real runs" switch), and
// GET /api/calibration answers it as JSON.
import "server-only";
import { db, dbReady } from "@/lib/server/db";
import { calibrateTeam, calibrationForClient, type PickedRun, type TeamCalibration } from "@/lib/sim/team-calibration";
import { settingsOf } from "@/lib/server/runs/serialize";

/** The fit uses at most this many picked runs, the most recently imported first. */
export const CALIBRATION_MAX_RUNS = 500;

export interface TeamCalibrationOptions {
  /** Leave one run out (its own page compares it with a fit from the team's other runs). */
  excludeRunId?: string;
}

/** Whether an imported run's files gave its dataset size (ai-toolkit's do not; the prediction then assumes one). */
function datasetSizeRead(importInfo: string | null): boolean {
  if (!importInfo) return false;
  try {
    const info = JSON.parse(importInfo) as { read?: unknown };
    return Array.isArray(info.read) && info.read.includes("images");
  } catch {
    return false;
  }
}

/**
 * Fits the simulator's learning speed to the team's imported runs that have a
 * picked epoch and a known dataset size; with fewer than three, the reason.
 */
export async function getTeamCalibration(options: TeamCalibrationOptions = {}): Promise<TeamCalibration> {
  await dbReady();
  const where = { source: "imported", ...(options.excludeRunId ? { id: { not: options.excludeRunId } } : {}) };
  const [imported, rows] = await Promise.all([
    db.run.count({ where }),
    db.run.findMany({
      where: { ...where, pickedEpoch: { not: null } },
      omit: { lossCurve: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: CALIBRATION_MAX_RUNS,
    }),
  ]);
  const runs: PickedRun[] = [];
  let withoutDatasetSize = 0;
  for (const row of rows) {
    if (row.pickedEpoch === null || row.pickedEpoch > row.epochs) continue;
    if (!datasetSizeRead(row.importInfo)) {
      withoutDatasetSize += 1;
      continue;
    }
    runs.push({ id: row.id, name: row.name, settings: settingsOf(row), pickedEpoch: row.pickedEpoch });
  }
  return calibrateTeam({ runs, imported, withoutDatasetSize });
}

/**
 * The calibration as the playground, the new-run form and the sweep hand it to
 * the browser (no per-run list), or null when the database cannot answer: those
 * pages simulate in the browser and keep working without it, only without the switch.
 */
export async function teamCalibrationForPage(): Promise<TeamCalibration | null> {
  try {
    return calibrationForClient(await getTeamCalibration());
  } catch (error) {
    console.error("Reading the team calibration failed:", error);
    return null;
  }
}
