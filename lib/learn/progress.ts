// Lesson progress as stored in the browser's localStorage: which lessons have
// been answered and whether correctly. Pure parsing and updating; the browser
// store lives in app/learn.
import { parseJson } from "@/lib/json";

export const PROGRESS_STORAGE_KEY = "epoch-lab:lesson-progress";

export interface LessonProgressEntry {
  /** The choice last picked. */
  choice: string;
  correct: boolean;
}

export type LessonProgress = Record<string, LessonProgressEntry>;

export const EMPTY_PROGRESS: LessonProgress = Object.freeze({}) as LessonProgress;

/** Reads stored progress, keeping only well-formed entries of known lessons; anything else reads as no progress. */
export function parseProgress(raw: string | null, knownIds: readonly string[]): LessonProgress {
  const value = parseJson(raw);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return EMPTY_PROGRESS;
  const progress: LessonProgress = {};
  for (const id of knownIds) {
    const entry = (value as Record<string, unknown>)[id];
    if (typeof entry !== "object" || entry === null) continue;
    const { choice, correct } = entry as Record<string, unknown>;
    if (typeof choice === "string" && typeof correct === "boolean") progress[id] = { choice, correct };
  }
  return progress;
}

/** Progress with one more answer; a lesson once answered correctly stays done. */
export function recordAnswer(progress: LessonProgress, lessonId: string, entry: LessonProgressEntry): LessonProgress {
  const previous = progress[lessonId];
  return { ...progress, [lessonId]: { choice: entry.choice, correct: entry.correct || (previous?.correct ?? false) } };
}

/** How many of the lessons are done (answered correctly). */
export function countDone(progress: LessonProgress, ids: readonly string[]): number {
  return ids.filter((id) => progress[id]?.correct).length;
}
