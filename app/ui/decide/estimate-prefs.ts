"use client";
// The estimate's model family, GPU and hourly prices, kept in this browser
// (app/ui/use-stored-state). A change made in one panel reaches the others on
// the page at once, and other tabs too. While a server-rendered page
// hydrates, the defaults are used so the markup matches, and the stored choice
// shows right after; a panel mounted later (after a client-side navigation)
// reads the stored choice at once.
import { useCallback } from "react";
import { useStoredState } from "@/app/ui/use-stored-state";
import { DEFAULT_STEP_TIME_ID, defaultPricePerHour, getStepTime, GPUS, gpusForFamily, MODEL_FAMILIES, type GpuId, type ModelFamilyId } from "@/lib/estimate";
import { parseJson } from "@/lib/json";

const STORAGE_KEY = "epoch-lab:estimate";

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
  const raw = parseJson(text);
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

/** The remembered estimate choices and a setter that stores them and tells every panel. */
export function useEstimatePrefs(): [EstimatePrefs & { pricePerHour: number }, (update: Partial<EstimatePrefs>) => void] {
  const [prefs, update] = useStoredState(STORAGE_KEY, parsePrefs);
  const setPrefs = useCallback((change: Partial<EstimatePrefs>) => update((current) => ({ ...current, ...change })), [update]);
  const pricePerHour = prefs.prices[prefs.gpu] ?? defaultPricePerHour(prefs.gpu);
  return [{ ...prefs, pricePerHour }, setPrefs];
}
