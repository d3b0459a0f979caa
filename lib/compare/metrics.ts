// The checkpoint metrics the compare pages show: label, precision and which way is better.
import { METRICS, type Checkpoint, type MetricKey } from "@/lib/sim";
import type { Polarity } from "./difference";

export type CheckpointMetricKey = Exclude<keyof Checkpoint, "epoch" | "verdict">;

export interface MetricDefinition {
  key: CheckpointMetricKey;
  label: string;
  /** Decimal places shown (values and differences). */
  digits: number;
  polarity: Polarity;
  /** One line for a tooltip or a table caption. */
  hint: string;
}

const fromRegistry = (key: MetricKey): MetricDefinition => {
  const metric = METRICS[key];
  return { key, label: metric.label, digits: metric.digits, polarity: metric.better, hint: metric.help };
};

/** Every numeric metric of a checkpoint, in the order the compare table lists them (labels and precision from the metric registry). */
export const CHECKPOINT_METRICS: readonly MetricDefinition[] = [
  ...(["quality", "fidelity", "flexibility", "captionAdherence", "overfitRisk", "validationLoss", "trainLoss"] as const).map(fromRegistry),
  { key: "step", label: "Step", digits: 0, polarity: "neutral", hint: "cumulative optimisation steps at the end of the epoch" },
];

/** The metrics runs can be overlaid by on /compare. */
export const OVERLAY_METRIC_KEYS = ["quality", "fidelity", "flexibility", "validationLoss", "overfitRisk"] as const;
export type OverlayMetricKey = (typeof OVERLAY_METRIC_KEYS)[number];

export function metricDefinition(key: CheckpointMetricKey): MetricDefinition {
  const definition = CHECKPOINT_METRICS.find((metric) => metric.key === key);
  if (!definition) throw new Error(`Unknown metric ${key}`);
  return definition;
}

/** A metric value at its display precision: 0.7312 → "0.73", 2000 → "2,000". */
export function formatMetric(key: CheckpointMetricKey, value: number): string {
  const { digits } = metricDefinition(key);
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
