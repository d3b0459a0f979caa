"use client";
// The estimate's model family, GPU and hourly prices, kept in localStorage.
// Every panel reads them through useSyncExternalStore. A change made in one
// panel reaches the others on the same page through CHANGE_EVENT (the
// "storage" event fires only in other tabs, which it keeps in step). While a
// server-rendered page hydrates, the defaults are used so the markup matches,
// and the stored choice shows right after; a panel mounted later (after a
// client-side navigation) reads the stored choice at once.
import { useCallback, useMemo, useSyncExternalStore } from "react";
import {
  DEFAULT_STEP_TIME_ID,
  defaultPricePerHour,
  getStepTime,
  GPUS,
  gpusForFamily,
  MODEL_FAMILIES,
  type GpuId,
  type ModelFamilyId,
} from "@/lib/estimate";

const STORAGE_KEY = "epoch-lab:estimate";
const CHANGE_EVENT = "epoch-lab:estimate-change";

export interface EstimatePrefs {
  family: ModelFamilyId;
  gpu: GpuId;
  /** Prices the user typed, per GPU; GPUs without one use their default. */
  prices: Partial<Record<GpuId, number>>;
}

const DEFAULT_ROW = getStepTime(DEFAULT_STEP_TIME_ID);
export const DEFAULT_PREFS: EstimatePrefs = { family: DEFAULT_ROW.modelFamily, gpu: DEFAULT_ROW.gpu, prices: {} };

function isFamily(value: unknown): value is ModelFamilyId {
  return MODEL_FAMILIES.some((family) => family.id === value);
}

function isGpu(value: unknown): value is GpuId {
  return GPUS.some((gpu) => gpu.id === value);
}

/** Anything stored (possibly by an older version, possibly edited by hand) → valid prefs. */
export function parsePrefs(text: string | null): EstimatePrefs {
  if (!text) return DEFAULT_PREFS;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_PREFS;
  }
  if (typeof raw !== "object" || raw === null) return DEFAULT_PREFS;
  const record = raw as Record<string, unknown>;
  const family = isFamily(record.family) ? record.family : DEFAULT_PREFS.family;
  const measured = gpusForFamily(family);
  const gpu = isGpu(record.gpu) && measured.some((g) => g.id === record.gpu) ? record.gpu : measured[0].id;
  const prices: Partial<Record<GpuId, number>> = {};
  if (typeof record.prices === "object" && record.prices !== null) {
    for (const [key, value] of Object.entries(record.prices as Record<string, unknown>)) {
      if (isGpu(key) && typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= PRICE_MAX) prices[key] = value;
    }
  }
  return { family, gpu, prices };
}

/** The highest hourly price the field accepts (a guard against typos, above any single-GPU rental). */
export const PRICE_MAX = 1000;

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** The remembered estimate choices and a setter that stores them and tells every panel. */
export function useEstimatePrefs(): [EstimatePrefs & { pricePerHour: number }, (update: Partial<EstimatePrefs>) => void] {
  const stored = useSyncExternalStore(subscribe, readStored, () => null);
  const prefs = useMemo(() => parsePrefs(stored), [stored]);
  const setPrefs = useCallback((update: Partial<EstimatePrefs>) => {
    const next = { ...parsePrefs(readStored()), ...update };
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage refused (private mode, quota): the choice lasts until reload.
    }
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }, []);
  const pricePerHour = prefs.prices[prefs.gpu] ?? defaultPricePerHour(prefs.gpu);
  return [{ ...prefs, pricePerHour }, setPrefs];
}
