export { createRun, storeRun, getRun, getRunOrThrow, getRuns, getSampleSource, listRuns, listFilterOptions, parseRunListQuery, updateRun, deleteRun, countRuns, resimulateRun } from "./runs";
export { InputError, NotFoundError } from "./errors";
export { runRecordFrom, newRunId } from "./record";
export * from "./schemas";
export type { RunDetail, RunSummary, RunPage } from "./types";
export { castVote, listVotes, countVotes, getRatings, ratingsFrom, nextComparison, reviewEpochs, toPairVote } from "./votes";
export type { StoredVote, RunRatings, EpochRating } from "./votes";
export { getRunTags, setRunTags, addRunTag, removeRunTag, listTags, tagsOfRuns, runIdsTagged } from "./tags";
export * from "./review-schemas";
