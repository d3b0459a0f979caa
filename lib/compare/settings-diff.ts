// The settings diff of /compare: one row per setting, one value per run,
// flagged when the runs disagree.
import { formatRate, type Settings } from "@/lib/sim";
import { nearlyEqual } from "./difference";

type DiffedRun = Pick<Settings, "images" | "repeats" | "epochs" | "batchSize" | "learningRate" | "textEncoderLearningRate" | "captionQuality" | "datasetSimilarity" | "seed"> & {
  stepsPerEpoch: number;
  totalSteps: number;
};
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
const fraction = (value: number) => String(Number(value.toFixed(2)));

/** The rows of the table, in the order the settings form lists them; derived step counts last. */
export const SETTINGS_DIFF_FIELDS: readonly { key: DiffedKey; label: string; format: (value: number) => string }[] = [
  { key: "images", label: "Images", format: integer },
  { key: "repeats", label: "Repeats", format: integer },
  { key: "epochs", label: "Epochs", format: integer },
  { key: "batchSize", label: "Batch size", format: integer },
  { key: "learningRate", label: "Learning rate", format: formatRate },
  { key: "textEncoderLearningRate", label: "Text encoder LR", format: (value) => (value === 0 ? "0 (frozen)" : formatRate(value)) },
  { key: "captionQuality", label: "Caption quality", format: fraction },
  { key: "datasetSimilarity", label: "Dataset similarity", format: fraction },
  { key: "seed", label: "Seed", format: String },
  { key: "stepsPerEpoch", label: "Steps per epoch", format: integer },
  { key: "totalSteps", label: "Total steps", format: integer },
];

/**
 * One row per setting with each run's value and whether they differ.
 * @example settingsDiff([{ images: 10, … }, { images: 40, … }])[0] // → { key: "images", label: "Images", values: ["10", "40"], differs: true }
 */
export function settingsDiff(runs: readonly DiffedRun[]): SettingsDiffRow[] {
  return SETTINGS_DIFF_FIELDS.map(({ key, label, format }) => {
    const raw = runs.map((run) => run[key]);
    return {
      key,
      label,
      values: raw.map(format),
      differs: raw.some((value) => !nearlyEqual(value, raw[0])),
    };
  });
}
