// The difference of a value from a baseline, as the compare pages show it:
// a signed label at display precision and a direction, tolerant of float noise
// (after MLflow's differenceView).

/** Differences smaller than this are float noise, never a change. */
export const DIFFERENCE_EPSILON = 1e-9;

export type DifferenceDirection = "up" | "down" | "same";
/** Whether a change is good news for this metric ("neutral" when neither way is better). */
export type DifferenceTone = "better" | "worse" | "neutral";
/** Which way a metric improves. */
export type Polarity = "higher" | "lower" | "neutral";

export interface Difference {
  /** "+0.05", "−0.05" (typographic minus) or "±0.00". */
  label: string;
  direction: DifferenceDirection;
  tone: DifferenceTone;
}

export interface DifferenceOptions {
  /** Decimal places shown (default 2). */
  digits?: number;
  /** Which way is better (default "neutral"). */
  polarity?: Polarity;
}

/**
 * `value − baseline` as a label and a direction, computed from both values
 * rounded as shown, so the label is always the difference a reader sees. A
 * change that rounds to zero is "same", so the label and the colour never disagree.
 * @example differenceOf(0.83, 0.78) // → { label: "+0.05", direction: "up", tone: "neutral" }
 * @example differenceOf(0.2, 0.3, { polarity: "lower" }) // → { label: "−0.10", direction: "down", tone: "better" }
 */
export function differenceOf(value: number, baseline: number, options: DifferenceOptions = {}): Difference {
  const digits = options.digits ?? 2;
  const polarity = options.polarity ?? "neutral";
  // The difference of the values as shown, so "0.73 ▲ +0.01" never sits beside a baseline shown as 0.72 with "±0.00".
  const raw = Number(value.toFixed(digits)) - Number(baseline.toFixed(digits));
  const rounded = Number(raw.toFixed(digits));
  if (!Number.isFinite(raw) || Math.abs(raw) < DIFFERENCE_EPSILON || rounded === 0) {
    return { label: `±${(0).toFixed(digits)}`, direction: "same", tone: "neutral" };
  }
  const direction: DifferenceDirection = rounded > 0 ? "up" : "down";
  const label = `${rounded > 0 ? "+" : "−"}${Math.abs(rounded).toFixed(digits)}`;
  const tone: DifferenceTone = polarity === "neutral" ? "neutral" : (direction === "up") === (polarity === "higher") ? "better" : "worse";
  return { label, direction, tone };
}

/** True when two numbers are equal up to float noise (relative to their size). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= DIFFERENCE_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}
