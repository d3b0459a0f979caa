"use client";
// The new-run form's draft: what was typed is kept in the tab's session storage
// and restored on a reload or on coming Back, unless the link itself carries
// settings (a clone or an advice link), which then win.
import { useEffect, useRef } from "react";
import { SETTING_KEYS } from "@/lib/sim";
import type { FormValues } from "@/lib/form/values";
import { parseJson } from "@/lib/json";

export const NEW_RUN_DRAFT_KEY = "epoch-lab:new-run-draft";

/** The stored draft's values that are setting fields with string values; null when there is none. */
export function readDraft(raw: string | null): Partial<FormValues> | null {
  const parsed = parseJson(raw);
  if (typeof parsed !== "object" || parsed === null) return null;
  const draft: Partial<FormValues> = {};
  for (const key of SETTING_KEYS) {
    const value = (parsed as Record<string, unknown>)[key];
    if (typeof value === "string") draft[key] = value;
  }
  return draft;
}

export function useFormDraft(values: FormValues, initial: FormValues, setValues: (values: FormValues) => void) {
  const restored = useRef(false);

  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const query = new URLSearchParams(window.location.search);
    if (SETTING_KEYS.some((key) => query.has(key))) return;
    const draft = readDraft(window.sessionStorage.getItem(NEW_RUN_DRAFT_KEY));
    if (draft) setValues({ ...initial, ...draft });
  }, [initial, setValues]);

  useEffect(() => {
    if (!restored.current) return;
    const changed = SETTING_KEYS.some((key) => values[key] !== initial[key]);
    if (changed) window.sessionStorage.setItem(NEW_RUN_DRAFT_KEY, JSON.stringify(values));
  }, [values, initial]);
}

/** Forgets the draft once the run it described is created. */
export function clearFormDraft() {
  window.sessionStorage.removeItem(NEW_RUN_DRAFT_KEY);
}
