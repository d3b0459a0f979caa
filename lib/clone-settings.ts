// "Clone": a link to /runs/new with every setting of a run in the query
// (parameter names = setting names), read back by the new-run page, which
// prefills its form with them.
import { SETTING_KEYS, SETTINGS_LIMITS, type SettingKey, type Settings } from "@/lib/sim";

export const CLONE_NAME_PREFIX = "Copy of ";

/**
 * The /runs/new link prefilled with a run's settings, the seed included so the
 * clone reproduces the run until something is changed; the name becomes "Copy of …".
 * @example cloneSettingsHref({ name: "A", images: 10, repeats: 20, … }) // → "/runs/new?images=10&repeats=20&…&name=Copy+of+A"
 */
export function cloneSettingsHref(settings: Settings): string {
  const params = new URLSearchParams();
  for (const key of SETTING_KEYS) {
    if (key === "name") continue;
    params.set(key, String(settings[key]));
  }
  params.set("name", cloneName(settings.name));
  return `/runs/new?${params.toString()}`;
}

/** "Run" → "Copy of Run", cut so the result stays within the name limit. */
export function cloneName(name: string): string {
  const room = SETTINGS_LIMITS.name.max - CLONE_NAME_PREFIX.length;
  return `${CLONE_NAME_PREFIX}${name.trim().slice(0, room)}`;
}

/**
 * The settings found in a /runs/new query, as the form's text values: numbers
 * where they parse (written back exactly, "0.0002" stays "0.0002"), the name and
 * the named choices (optimizer, scheduler, base model) as text, anything else left out. Values are not range-checked here: the form
 * validates them with the settings schema and shows its messages.
 * @example readClonedSettings({ images: "12", repeats: "many", name: "Copy of A" }) // → { images: "12", name: "Copy of A" }
 */
export function readClonedSettings(params: URLSearchParams | Record<string, string | string[] | undefined>): Partial<Record<SettingKey, string>> {
  const get = (key: string): string | undefined => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const settings: Partial<Record<SettingKey, string>> = {};
  for (const key of SETTING_KEYS) {
    const value = get(key)?.trim();
    if (value === undefined || value === "") continue;
    if (key === "name") settings.name = value.slice(0, SETTINGS_LIMITS.name.max);
    else if (key === "optimizer" || key === "lrScheduler" || key === "modelFamily") settings[key] = value;
    else if (Number.isFinite(Number(value))) settings[key] = String(Number(value));
  }
  return settings;
}
