// Learning-rate notation, on its own (no schema, no zod) so browser code that
// only prints rates does not load the settings' validation.

/** Recent labels: sweeps and the playground name thousands of runs with a handful of rates. */
const RATE_LABELS = new Map<number, string>();

/** Compact learning-rate notation as trainers write it: 0.0001 → "1e-4", 0.00025 → "2.5e-4". */
export function formatRate(rate: number): string {
  let label = RATE_LABELS.get(rate);
  if (label === undefined) {
    const [mantissa, exponent] = rate.toExponential().split("e");
    label = rate === 0 ? "0" : `${Number(Number(mantissa).toPrecision(3))}e${Number(exponent)}`;
    if (RATE_LABELS.size >= 256) RATE_LABELS.clear();
    RATE_LABELS.set(rate, label);
  }
  return label;
}
