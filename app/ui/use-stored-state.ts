"use client";
// A value kept in this browser's localStorage, read through
// useSyncExternalStore: the server and the first client render see the
// default (so the markup matches), then the stored value shows. A change
// reaches every reader on the page at once (the "storage" event only fires in
// other tabs, which it keeps in step). Where storage is refused (private
// mode, quota) a change lasts until the page reloads.
import { useCallback, useMemo, useSyncExternalStore } from "react";

/** Fired in this tab when a stored value changes; `detail` is its key. */
const CHANGE_EVENT = "epoch-lab:stored";
/** Values that could not be written to storage, by key. */
const unsaved = new Map<string, string | null>();

/** The stored text under `key` (null when none, or when storage cannot be read). */
export function readStored(key: string): string | null {
  if (unsaved.has(key)) return unsaved.get(key) ?? null;
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores `text` under `key` (null removes it) and tells every reader. */
export function writeStored(key: string, text: string | null) {
  try {
    if (text === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, text);
    unsaved.delete(key);
  } catch {
    unsaved.set(key, text);
  }
  window.dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: key }));
}

function subscribeTo(key: string) {
  return (onChange: () => void) => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === key || event.key === null) onChange();
    };
    const onLocal = (event: Event) => {
      if ((event as CustomEvent<string>).detail === key) onChange();
    };
    window.addEventListener("storage", onStorage);
    window.addEventListener(CHANGE_EVENT, onLocal);
    return () => {
      window.removeEventListener("storage", onStorage);
      window.removeEventListener(CHANGE_EVENT, onLocal);
    };
  };
}

/**
 * The value stored under `key` as `parse` reads it (parse(null) is the
 * default; it must accept anything, an older version's or a hand edit), and a
 * setter that stores the next value as JSON. Pass a module-level `parse`.
 */
export function useStoredState<T>(key: string, parse: (text: string | null) => T): [T, (update: (current: T) => T) => void] {
  const subscribe = useMemo(() => subscribeTo(key), [key]);
  // The stored text is the snapshot: a string compares by value.
  const stored = useSyncExternalStore(
    subscribe,
    () => readStored(key),
    () => null,
  );
  const value = useMemo(() => parse(stored), [parse, stored]);
  const update = useCallback((change: (current: T) => T) => writeStored(key, JSON.stringify(change(parse(readStored(key))))), [key, parse]);
  return [value, update];
}
