// "Clone settings": a link to /runs/new with every setting of a run in the
// query (parameter names = setting names), read back by the new-run form.
import { SETTING_KEYS, SETTINGS_LIMITS, type SettingKey, type Settings } from "@/lib/sim";

export const CLONE_NAME_SUFFIX = " (copy)";

/**
 * The /runs/new link prefilled with a run's settings, the seed included so the
 * clone reproduces the run until something is changed; the name gets " (copy)".
 * @example cloneSettingsHref({ name: "A", images: 10, repeats: 20, … }) // → "/runs/new?images=10&repeats=20&…&name=A+%28copy%29"
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

/** "Run" → "Run (copy)", cut so the result stays within the name limit. */
export function cloneName(name: string): string {
  const room = SETTINGS_LIMITS.name.max - CLONE_NAME_SUFFIX.length;
  return `${name.trim().slice(0, room)}${CLONE_NAME_SUFFIX}`;
}

/**
 * The settings found in a /runs/new query: numbers where they parse, the name
 * as text. Values are not range-checked here: the form validates them with the
 * settings schema and shows its messages.
 */
export function readClonedSettings(params: URLSearchParams | Record<string, string | string[] | undefined>): Partial<Record<SettingKey, string | number>> {
  const get = (key: string): string | undefined => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const settings: Partial<Record<SettingKey, string | number>> = {};
  for (const key of SETTING_KEYS) {
    const value = get(key)?.trim();
    if (value === undefined || value === "") continue;
    if (key === "name") settings.name = value;
    else if (key === "optimizer" || key === "lrScheduler" || key === "modelFamily") settings[key] = value;
    else if (Number.isFinite(Number(value))) settings[key] = Number(value);
  }
  return settings;
}
