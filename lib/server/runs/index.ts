import "server-only";
// The run use cases (database reads and writes), each write taking a WriteAccess;
// with the shapes of lib/runs re-exported so server code imports from one place.
export * from "@/lib/runs";
export {
  createRun,
  storeRun,
  getRun,
  getRunOrThrow,
  getRunJsonOrThrow,
  getRuns,
  getSampleSource,
  listRuns,
  listRunsJson,
  listFilterOptions,
  parseRunListQuery,
  updateRun,
  deleteRun,
  countRuns,
  resimulateRun,
} from "@/lib/server/runs/runs";
// The errors live in lib/errors.ts (the API and the data layer both use them); re-exported here for older imports.
export { InputError, NotFoundError } from "@/lib/errors";
export { runRecordFrom, newRunId } from "@/lib/server/runs/record";
export { castVote, listVotes, countVotes, getRatings, ratingsFrom, nextComparison, reviewEpochs, toPairVote } from "@/lib/server/runs/votes";
export type { StoredVote, RunRatings, EpochRating } from "@/lib/server/runs/votes";
export { getRunTags, setRunTags, addRunTag, removeRunTag, listTags, tagsOfRuns, runIdsTagged } from "@/lib/server/runs/tags";
export {
  importRun,
  createImportStaging,
  logImportMemory,
  getImportedRun,
  getImage,
  settingsFromPlan,
  prepareImage,
  type ImportStaging,
  type ImportFileReader,
  IMAGES_WHEN_UNKNOWN,
  PREVIEW_SIDE,
} from "@/lib/server/runs/imports";
export type { ImportedRunDetail, ImportedSample, MeasuredCheckpointView, ImportSettingsInfo } from "@/lib/server/runs/imports";
export { getTeamCalibration, teamCalibrationForPage, CALIBRATION_MAX_RUNS } from "@/lib/server/runs/calibration";
export type { TeamCalibrationOptions } from "@/lib/server/runs/calibration";
