"use client";
// State that the page's URL follows: a link or a reload reproduces the view.
// The URL is replaced (no history entry) a short pause after the last change,
// so a slider drag does not flood the history API.
import { useEffect, useState, type Dispatch, type SetStateAction } from "react";

/** How long the URL waits after a change before it follows. */
export const URL_DELAY_MS = 150;

/**
 * useState whose value is written to the URL's query as `toSearchParams` gives
 * it (pass a module-level function: it is an effect dependency).
 */
export function useUrlState<T>(initial: T, toSearchParams: (value: T) => URLSearchParams): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    const timer = setTimeout(() => {
      const query = toSearchParams(value).toString();
      if (window.location.search !== `?${query}`) window.history.replaceState(null, "", `?${query}`);
    }, URL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value, toSearchParams]);
  return [value, setValue];
}
