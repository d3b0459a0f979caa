// The settings' labels as forms show them, and field messages rewritten to use
// them: the schema speaks the API's field names ("batchSize must be…"), a form
// speaks its own labels ("Batch size must be…").
import type { SettingKey } from "@/lib/sim";

/** A setting's label in forms and messages. Settings without an entry keep their field name. */
export const SETTING_LABELS: Partial<Record<SettingKey | (string & {}), string>> = {
  name: "Name",
  images: "Training images",
  repeats: "Repeats",
  epochs: "Epochs",
  batchSize: "Batch size",
  learningRate: "Learning rate",
  textEncoderLearningRate: "Text-encoder learning rate",
  captionQuality: "Caption quality",
  datasetSimilarity: "Dataset similarity",
  seed: "Seed",
};

/** The label of a setting, or its field name when it has none. */
export function settingLabel(key: string): string {
  return SETTING_LABELS[key] ?? key;
}

/**
 * The same messages with each field's name replaced by its label where the
 * message starts with it.
 * @example labelFieldErrors({ batchSize: "batchSize must be a whole number from 1 to 32" }) // → { batchSize: "Batch size must be a whole number from 1 to 32" }
 */
export function labelFieldErrors(errors: Record<string, string>): Record<string, string> {
  const labelled: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    labelled[key] = message.startsWith(`${key} `) ? `${settingLabel(key)}${message.slice(key.length)}` : message;
  }
  return labelled;
}
