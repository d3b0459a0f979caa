// Colour scales of the heatmap. Perceptually ordered and readable on light and
// dark backgrounds: viridis for quality and best epoch (dark violet → yellow),
// a yellow → red ramp for overfit risk (red = memorised).

type Rgb = readonly [number, number, number];

const VIRIDIS: readonly Rgb[] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [109, 205, 89],
  [180, 222, 44],
  [253, 231, 37],
];

const YELLOW_RED: readonly Rgb[] = [
  [255, 245, 200],
  [254, 224, 139],
  [253, 174, 97],
  [244, 109, 67],
  [215, 48, 39],
  [165, 0, 38],
];

export type ColorRamp = "viridis" | "risk";

const RAMPS: Record<ColorRamp, readonly Rgb[]> = { viridis: VIRIDIS, risk: YELLOW_RED };

/**
 * The colour at a position 0–1 along a ramp (clamped), as an rgb() string.
 * @example rampColor("viridis", 0) // → "rgb(68 1 84)"
 */
export function rampColor(ramp: ColorRamp, t: number): string {
  const stops = RAMPS[ramp];
  const position = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(position));
  const f = position - i;
  const [a, b] = [stops[i], stops[i + 1]];
  const mix = (k: 0 | 1 | 2) => Math.round(a[k] + (b[k] - a[k]) * f);
  return `rgb(${mix(0)} ${mix(1)} ${mix(2)})`;
}

/** Where a value sits between a domain's ends, 0–1 (0.5 when the domain is a single value). */
export function normalise(value: number, [low, high]: readonly [number, number]): number {
  if (high <= low) return 0.5;
  return Math.min(1, Math.max(0, (value - low) / (high - low)));
}
