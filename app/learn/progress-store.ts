"use client";
// Lesson progress, kept in this browser (app/ui/use-stored-state): the server
// and the first client render see no progress (no hydration mismatch), then
// the stored progress appears. Other tabs' changes arrive too.
import { LESSONS, parseProgress, PROGRESS_STORAGE_KEY, recordAnswer, type LessonProgress, type LessonProgressEntry } from "@/lib/learn";
import { readStored, useStoredState, writeStored } from "@/app/ui/use-stored-state";

const ids = LESSONS.map((lesson) => lesson.id);
const parse = (raw: string | null): LessonProgress => parseProgress(raw, ids);

export function useLessonProgress(): LessonProgress {
  return useStoredState(PROGRESS_STORAGE_KEY, parse)[0];
}

export function saveLessonAnswer(lessonId: string, entry: LessonProgressEntry) {
  writeStored(PROGRESS_STORAGE_KEY, JSON.stringify(recordAnswer(parse(readStored(PROGRESS_STORAGE_KEY)), lessonId, entry)));
}

export function resetLessonProgress() {
  writeStored(PROGRESS_STORAGE_KEY, null);
}
