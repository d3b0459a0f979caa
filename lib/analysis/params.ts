// The /analysis page's state in its URL: the settings the population is drawn
// around, which of them vary, its size and seed, the outcome the importance
// explains, the run of the strength grid and the two views' brushes.
import { parsePlaygroundParams, PLAYGROUND_DEFAULTS, type SearchParamsRecord } from "@/lib/playground";
import { parseBrush, type Brush } from "./axes";
import { POPULATION_KEYS, POPULATION_SIZE, type PopulationCentre, type PopulationKey } from "./population";

export const OUTCOMES = [
  { id: "bestQuality", label: "best quality" },
  { id: "bestEpoch", label: "best epoch" },
  { id: "finalOverfitRisk", label: "last epoch's overfit risk" },
] as const;

export type Outcome = (typeof OUTCOMES)[number]["id"];

export interface AnalysisState {
  centre: PopulationCentre;
  vary: PopulationKey[];
  size: number;
  popSeed: number;
  outcome: Outcome;
  /** Stored run of the strength grid; null for the simulated run at the centre. */
  run: string | null;
  runsBrush: Brush;
  popBrush: Brush;
}

/** By default everything varies but the image count and the base model (chosen before anything else): "which settings matter at N images?". */
export const DEFAULT_VARY: readonly PopulationKey[] = POPULATION_KEYS.filter((key) => key !== "images" && key !== "modelFamily");
export const DEFAULT_POPULATION_SIZE = 2000;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The page's state from its search params; every part that does not parse
 * takes its default and adds a notice.
 * @example parseAnalysisParams({ images: "15" }).state.centre.images // → 15
 */
export function parseAnalysisParams(params: SearchParamsRecord): { state: AnalysisState; notices: string[] } {
  const parsed = parsePlaygroundParams(params, { ...PLAYGROUND_DEFAULTS, images: 15 });
  const notices = [...parsed.notices];
  const { seed: _seed, ...centre } = parsed.state.settings;

  let vary = [...DEFAULT_VARY];
  // A GET form sends one `vary` per ticked box (and an empty one, so "none ticked" is not "absent").
  const varyRaw = Array.isArray(params.vary) ? params.vary.join(",") : params.vary;
  if (varyRaw !== undefined) {
    const keys = varyRaw.split(",").filter((key) => key !== "");
    const unknown = keys.filter((key) => !(POPULATION_KEYS as readonly string[]).includes(key));
    if (unknown.length > 0) notices.push(`vary="${varyRaw}" named settings that cannot vary (${unknown.join(", ")}); they were left out.`);
    vary = POPULATION_KEYS.filter((key) => keys.includes(key));
  }

  let size = DEFAULT_POPULATION_SIZE;
  const sizeRaw = first(params.size);
  if (sizeRaw !== undefined) {
    const value = Number(sizeRaw);
    if (Number.isInteger(value) && value >= POPULATION_SIZE.min && value <= POPULATION_SIZE.max) size = value;
    else notices.push(`size="${sizeRaw}" was ignored (a whole number from ${POPULATION_SIZE.min} to ${POPULATION_SIZE.max}); using ${DEFAULT_POPULATION_SIZE}.`);
  }

  let popSeed = 1;
  const seedRaw = first(params.popSeed);
  if (seedRaw !== undefined) {
    const value = Number(seedRaw);
    if (Number.isInteger(value) && value >= 0 && value <= 2 ** 31 - 1) popSeed = value;
    else notices.push(`popSeed="${seedRaw}" was ignored (a whole number from 0 to 2147483647); using 1.`);
  }

  let outcome: Outcome = "bestQuality";
  const outcomeRaw = first(params.outcome);
  if (outcomeRaw !== undefined) {
    const found = OUTCOMES.find((o) => o.id === outcomeRaw);
    if (found) outcome = found.id;
    else notices.push(`outcome="${outcomeRaw}" was ignored (${OUTCOMES.map((o) => o.id).join(", ")}); using bestQuality.`);
  }

  const runRaw = first(params.run)?.trim();
  const runs = parseBrush(first(params.runsBrush));
  const pop = parseBrush(first(params.popBrush));
  notices.push(...runs.notices, ...pop.notices);

  return {
    state: { centre, vary, size, popSeed, outcome, run: runRaw ? runRaw : null, runsBrush: runs.brush, popBrush: pop.brush },
    notices,
  };
}
