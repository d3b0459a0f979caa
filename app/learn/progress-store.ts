"use client";
// Lesson progress in localStorage, read through useSyncExternalStore: the
// server and the first client render see no progress (no hydration mismatch),
// then the stored progress appears. Other tabs' changes arrive via "storage".
import { useSyncExternalStore } from "react";
import { EMPTY_PROGRESS, LESSONS, parseProgress, PROGRESS_STORAGE_KEY, recordAnswer, type LessonProgress, type LessonProgressEntry } from "@/lib/lessons";

const ids = LESSONS.map((lesson) => lesson.id);
const listeners = new Set<() => void>();
let cachedRaw: string | null | undefined;
let cached: LessonProgress = EMPTY_PROGRESS;

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(PROGRESS_STORAGE_KEY);
  } catch {
    return null; // storage disabled: progress lasts for the visit only
  }
}

function getSnapshot(): LessonProgress {
  const raw = readRaw();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cached = parseProgress(raw, ids);
  }
  return cached;
}

function getServerSnapshot(): LessonProgress {
  return EMPTY_PROGRESS;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === PROGRESS_STORAGE_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useLessonProgress(): LessonProgress {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

export function saveLessonAnswer(lessonId: string, entry: LessonProgressEntry) {
  const next = recordAnswer(getSnapshot(), lessonId, entry);
  try {
    window.localStorage.setItem(PROGRESS_STORAGE_KEY, JSON.stringify(next));
  } catch {
    cachedRaw = JSON.stringify(next);
    cached = next;
  }
  listeners.forEach((listener) => listener());
}

export function resetLessonProgress() {
  try {
    window.localStorage.removeItem(PROGRESS_STORAGE_KEY);
  } catch {
    cachedRaw = null;
    cached = EMPTY_PROGRESS;
  }
  listeners.forEach((listener) => listener());
}
