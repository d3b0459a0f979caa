// The settings diff of /compare: one row per setting, one value per run,
// flagged when the runs disagree. Rows, labels and formats come from the
// settings registry, so a new setting shows up here by itself.
import { formatSetting, SETTING_ORDER, SETTINGS, type Settings } from "@/lib/sim";
import { nearlyEqual } from "./difference";

type DiffedRun = Omit<Settings, "name"> & { stepsPerEpoch: number; totalSteps: number };
export type DiffedKey = keyof DiffedRun;

export interface SettingsDiffRow {
  key: DiffedKey;
  label: string;
  /** One display value per run, in the runs' order. */
  values: string[];
  /** True when at least two runs have different values. */
  differs: boolean;
}

const integer = (value: number) => value.toLocaleString("en-US");

type Field = { key: DiffedKey; label: string; format: (run: DiffedRun) => string; value: (run: DiffedRun) => number | string };

/** The rows of the table, in the registry's order; derived step counts last. */
export const SETTINGS_DIFF_FIELDS: readonly Field[] = [
  ...SETTING_ORDER.filter((key): key is Exclude<typeof key, "name"> => key !== "name").map((key): Field => ({
    key,
    label: SETTINGS[key].label,
    format: (run) => formatSetting(key, run[key]),
    value: (run) => run[key],
  })),
  { key: "stepsPerEpoch", label: "Steps per epoch", format: (run) => integer(run.stepsPerEpoch), value: (run) => run.stepsPerEpoch },
  { key: "totalSteps", label: "Total steps", format: (run) => integer(run.totalSteps), value: (run) => run.totalSteps },
];

function same(a: number | string, b: number | string): boolean {
  return typeof a === "number" && typeof b === "number" ? nearlyEqual(a, b) : a === b;
}

/**
 * One row per setting with each run's value and whether they differ.
 * @example settingsDiff([{ images: 10, … }, { images: 40, … }])[0] // → { key: "images", label: "Images", values: ["10", "40"], differs: true }
 */
export function settingsDiff(runs: readonly DiffedRun[]): SettingsDiffRow[] {
  return SETTINGS_DIFF_FIELDS.map(({ key, label, format, value }) => {
    const raw = runs.map(value);
    return { key, label, values: runs.map(format), differs: raw.some((item) => !same(item, raw[0])) };
  });
}
