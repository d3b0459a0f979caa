export { createRun, storeRun, getRun, getRunOrThrow, getRuns, listRuns, listFilterOptions, parseRunListQuery, updateRun, deleteRun, countRuns, resimulateRun } from "./runs";
export { InputError, NotFoundError } from "./errors";
export { runRecordFrom, newRunId } from "./record";
export * from "./schemas";
export type { RunDetail, RunSummary, RunPage } from "./types";
