export { LESSONS, RESEARCH_NOTES, getLesson, neighbours } from "./lessons";
export { runLesson, variantSettings, feedbackFor, best, last } from "./runs";
export type { Feedback } from "./runs";
export * from "./types";
export * from "./progress";
export * from "./chart";
