export { createRun, storeRun, getRun, getRunOrThrow, getRuns, listRuns, listFilterOptions, parseRunListQuery, updateRun, deleteRun, countRuns, resimulateRun } from "./runs";
export { InputError, NotFoundError } from "./errors";
export { runRecordFrom, newRunId } from "./record";
export * from "./schemas";
export type { RunDetail, RunSummary, RunPage } from "./types";
export { importRun, getImportedRun, getImage, settingsFromPlan, prepareImage, IMAGES_WHEN_UNKNOWN, PREVIEW_SIDE } from "./imports";
export type { ImportedRunDetail, ImportedSample, MeasuredCheckpointView, ImportSettingsInfo } from "./imports";
export type { RunSource } from "./types";
