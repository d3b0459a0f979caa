// Simulating a lesson's variants and reading the numbers its questions ask about.
import { simulate, type Checkpoint, type SimulationResult } from "@/lib/sim";
import { PLAYGROUND_DEFAULTS, type PlaygroundSettings } from "@/lib/playground";
import type { Lesson, LessonRun, LessonVariant } from "./types";

/** A variant's settings with the playground defaults (and its fixed seed) filled in. */
export function variantSettings(variant: LessonVariant): PlaygroundSettings {
  return { ...PLAYGROUND_DEFAULTS, ...variant.settings };
}

/** Simulates every variant of a lesson (per-epoch checkpoints only: lessons plot epochs). */
export function runLesson(lesson: Lesson): LessonRun[] {
  return lesson.variants.map((variant) => ({
    variant,
    result: simulate(variantSettings(variant), { lossCurve: false, batchRule: variant.batchRule ?? "linear" }),
  }));
}

export function best(result: SimulationResult): Checkpoint {
  return result.checkpoints[result.recommendedEpoch - 1];
}

export function last(result: SimulationResult): Checkpoint {
  return result.checkpoints[result.checkpoints.length - 1];
}

/** The run a score picks out: the highest score, the first on ties. */
export function runWithHighest(runs: LessonRun[], score: (result: SimulationResult) => number): LessonRun {
  return runs.reduce((top, run) => (score(run.result) > score(top.result) ? run : top));
}

/** The run with the lowest score, the first on ties. */
export function runWithLowest(runs: LessonRun[], score: (result: SimulationResult) => number): LessonRun {
  return runWithHighest(runs, (result) => -score(result));
}

export function runById(runs: LessonRun[], id: string): LessonRun {
  const run = runs.find((r) => r.variant.id === id);
  if (!run) throw new Error(`No variant "${id}"`);
  return run;
}

/** 0.7412 → "0.74" */
export function score(value: number): string {
  return value.toFixed(2);
}

export interface Feedback {
  correct: boolean;
  correctChoice: string;
  message: string;
}

/** The feedback for a chosen answer: right or not, and the explanation with these runs' numbers. */
export function feedbackFor(lesson: Lesson, runs: LessonRun[], choiceId: string): Feedback {
  const correctChoice = lesson.question.answer(runs);
  const correct = choiceId === correctChoice;
  const label = lesson.question.choices.find((c) => c.id === correctChoice)?.label ?? correctChoice;
  const explanation = lesson.question.explain(runs);
  return {
    correct,
    correctChoice,
    message: correct ? `Right. ${explanation}` : `Not quite: the answer is “${label}”. ${explanation}`,
  };
}
