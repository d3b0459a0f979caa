"use client";
// The reviewer's name, kept in this browser (useStoredState) and shared by the
// run and the set reviews. Null until the page has hydrated: the server cannot
// know the name, so the comparison waits for it rather than flashing the
// name form.
import { useCallback } from "react";
import { useHydrated } from "@/app/ui/use-hydrated";
import { useStoredState } from "@/app/ui/use-stored-state";

export const REVIEWER_STORAGE_KEY = "epoch-lab:reviewer";

/**
 * The stored name: JSON text as useStoredState writes it, or the bare name an
 * earlier version stored; "" when there is none.
 * @example parseReviewer('"Ana"') // → "Ana"
 * @example parseReviewer("Ana") // → "Ana"
 */
export function parseReviewer(text: string | null): string {
  if (text === null) return "";
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "string" ? value : text;
  } catch {
    return text;
  }
}

export function useReviewer(): { reviewer: string | null; setReviewer: (name: string) => void } {
  const hydrated = useHydrated();
  const [stored, update] = useStoredState(REVIEWER_STORAGE_KEY, parseReviewer);
  const setReviewer = useCallback((name: string) => update(() => name), [update]);
  return { reviewer: hydrated ? stored : null, setReviewer };
}
