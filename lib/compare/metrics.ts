// The checkpoint metrics the compare pages show: label, precision and which way is better.
import type { Checkpoint } from "@/lib/sim";
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

/** Every numeric metric of a checkpoint, in the order the compare table lists them. */
export const CHECKPOINT_METRICS: readonly MetricDefinition[] = [
  { key: "quality", label: "Quality", digits: 2, polarity: "higher", hint: "overall usefulness; the recommendation maximises it" },
  { key: "fidelity", label: "Fidelity", digits: 2, polarity: "higher", hint: "how closely outputs reproduce the subject or style" },
  { key: "flexibility", label: "Flexibility", digits: 2, polarity: "higher", hint: "how well outputs follow new prompts" },
  { key: "captionAdherence", label: "Caption adherence", digits: 2, polarity: "higher", hint: "how well caption words control the output" },
  { key: "overfitRisk", label: "Overfit risk", digits: 2, polarity: "lower", hint: "how far the checkpoint has memorised its images" },
  { key: "validationLoss", label: "Validation loss", digits: 4, polarity: "lower", hint: "loss on held-out images; rises once the model overfits" },
  { key: "trainLoss", label: "Train loss", digits: 4, polarity: "neutral", hint: "keeps falling as the model memorises, so lower is not better" },
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
