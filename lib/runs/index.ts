export { createRun, storeRun, getRun, getRunOrThrow, getRuns, getSampleSource, listRuns, listFilterOptions, parseRunListQuery, updateRun, deleteRun, countRuns, resimulateRun } from "./runs";
// The errors live in lib/errors.ts (the API and the data layer both use them); re-exported here for older imports.
export { InputError, NotFoundError } from "@/lib/errors";
export { runRecordFrom, newRunId } from "./record";
export * from "./schemas";
export type { RunDetail, RunSummary, RunPage } from "./types";
export { castVote, listVotes, countVotes, getRatings, ratingsFrom, nextComparison, reviewEpochs, toPairVote } from "./votes";
export type { StoredVote, RunRatings, EpochRating } from "./votes";
export { getRunTags, setRunTags, addRunTag, removeRunTag, listTags, tagsOfRuns, runIdsTagged } from "./tags";
export * from "./review-schemas";
export { importRun, createImportStaging, logImportMemory, getImportedRun, getImage, settingsFromPlan, prepareImage, type ImportStaging, type ImportFileReader, IMAGES_WHEN_UNKNOWN, PREVIEW_SIDE } from "./imports";
export type { ImportedRunDetail, ImportedSample, MeasuredCheckpointView, ImportSettingsInfo } from "./imports";
export type { RunSource } from "./types";
export { getTeamCalibration, teamCalibrationForPage, CALIBRATION_MAX_RUNS } from "./calibration";
export type { TeamCalibrationOptions } from "./calibration";
