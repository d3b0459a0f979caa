import type { BatchRule, SimulationResult } from "@/lib/sim";
import type { PlaygroundSettings } from "@/lib/playground";

/** A per-epoch value the lesson chart can plot. */
export type LessonMetric = "quality" | "overfitRisk" | "fidelity" | "flexibility" | "captionAdherence" | "validationLoss";

/** One of the two or three runs a lesson overlays. */
export interface LessonVariant {
  id: string;
  /** Short legend label, e.g. "batch 2, LR 2e-4". */
  label: string;
  /** Settings besides the playground defaults (the seed is fixed so the lesson never changes under the learner). */
  settings: Partial<PlaygroundSettings> & { images: number };
  batchRule?: BatchRule;
}

/** A variant with its simulated run. */
export interface LessonRun {
  variant: LessonVariant;
  result: SimulationResult;
}

export interface LessonChoice {
  id: string;
  label: string;
}

export interface LessonQuestion {
  prompt: string;
  choices: LessonChoice[];
  /** The correct choice's id, read off the simulated runs (never stored as a constant). */
  answer: (runs: LessonRun[]) => string;
  /** Why that is the answer, with these runs' numbers. */
  explain: (runs: LessonRun[]) => string;
}

/** A column of a lesson's numbers table ("metricAtBest" is the lesson's own chart metric at each run's best epoch). */
export type LessonColumn = "steps" | "bestEpoch" | "bestQuality" | "lastOverfitRisk" | "metricAtBest";

/** A claim's evidence in the numbers table: the `greater` run's cell reads higher than the `lesser` run's, as shown. */
export interface ShownComparison {
  column: LessonColumn;
  greater: string;
  lesser: string;
}

/** A statement the lesson's text relies on; lessons.test.ts checks each against the simulator. */
export interface LessonClaim {
  statement: string;
  holds: (runs: LessonRun[]) => boolean;
  /** Where the learner sees it: the test checks the table shows it with a visible margin. */
  shown?: ShownComparison;
}

export interface Lesson {
  id: string;
  title: string;
  /** The sentences the lesson is built on, word for word: the article's (lib/sim's ARTICLE) unless `source` says otherwise. */
  sentences: string[];
  /** Where the sentences come from when not the article: lib/learn' RESEARCH_NOTES. */
  source?: "research";
  /** What to look at in the chart. */
  intro: string;
  variants: LessonVariant[];
  /** The metric the chart opens on. */
  metric: LessonMetric;
  /** "step" when the lesson is about how far each run goes in steps. */
  xAxis: "epoch" | "step";
  question: LessonQuestion;
  /** The choice the lesson's text is written for; the test checks the simulator agrees. */
  expectedAnswer: string;
  claims: LessonClaim[];
  /** An aside, e.g. where measurements disagree with the article. */
  note?: string;
}
