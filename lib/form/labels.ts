// Field messages in the form's words: the schema speaks the API's field names
// ("batchSize must be…"), a form speaks the registry's labels ("Batch size must be…").
import { SETTINGS, type SettingKey } from "@/lib/sim";

/** The label of a setting from the registry, or the field name itself for anything else. */
export function settingLabel(key: string): string {
  return Object.hasOwn(SETTINGS, key) ? SETTINGS[key as SettingKey].label : key;
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
