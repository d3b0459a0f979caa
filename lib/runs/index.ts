// What a run looks like, safe in the browser: request and response shapes, review shapes and errors.
// The use cases that read and write the database are in lib/server/runs.
export * from "./schemas";
export type { RunDetail, RunSummary, RunPage } from "./types";
export * from "./review-schemas";
export type { RunSource } from "./types";
