// The early-stopping exercise of /learn: a fixed run (settings and seed), the
// question, and the answer computed by the simulator and the replay, so the
// lesson can never disagree with what the run page shows.
import { formatInteger } from "@/lib/format";
import { simulate, type Checkpoint, type SettingsInput } from "@/lib/sim";
import { replayEarlyStopping, type ReplayResult } from "./replay";

/** The article's defaults for 10 images, trained 15 epochs instead of 10: it overfits at the end. */
export const EARLY_STOPPING_EXERCISE_SETTINGS = {
  name: "Lesson · 10 images, 15 epochs",
  images: 10,
  repeats: 20,
  epochs: 15,
  seed: 7,
} as const satisfies SettingsInput;

export const EARLY_STOPPING_EXERCISE_PATIENCE = 2;

export interface EarlyStoppingExercise {
  id: "early-stopping-patience";
  title: string;
  settings: typeof EARLY_STOPPING_EXERCISE_SETTINGS;
  patience: number;
  question: string;
  hint: string;
  /** Every epoch of the run: the answer is one of them. */
  choices: number[];
  /** The checkpoint early stopping keeps. */
  answer: number;
  replay: ReplayResult;
  recommendedEpoch: number;
  stepsPerEpoch: number;
  /** Per epoch: the losses the learner reads to answer. */
  checkpoints: Pick<Checkpoint, "epoch" | "step" | "trainLoss" | "validationLoss">[];
  explanation: string;
}

/** Builds the exercise from the simulator (deterministic: same settings and seed, same run). */
export function buildEarlyStoppingExercise(): EarlyStoppingExercise {
  const result = simulate(EARLY_STOPPING_EXERCISE_SETTINGS, { lossCurve: false });
  const patience = EARLY_STOPPING_EXERCISE_PATIENCE;
  const replay = replayEarlyStopping(result.checkpoints, { patience });
  const { stoppedAtEpoch, keptEpoch, epochsSaved, stepsSaved } = replay;
  return {
    id: "early-stopping-patience",
    title: "Early stopping: patience",
    settings: EARLY_STOPPING_EXERCISE_SETTINGS,
    patience,
    question: `This run trains ${result.settings.images} images for ${result.settings.epochs} epochs. With early stopping on validation loss and a patience of ${patience}, which epoch does training keep?`,
    hint: `Training stops once ${patience} epochs in a row fail to lower the best validation loss so far; it keeps the checkpoint with the lowest validation loss up to that point.`,
    choices: result.checkpoints.map((checkpoint) => checkpoint.epoch),
    answer: keptEpoch,
    replay,
    recommendedEpoch: result.recommendedEpoch,
    stepsPerEpoch: result.stepsPerEpoch,
    checkpoints: result.checkpoints.map(({ epoch, step, trainLoss, validationLoss }) => ({ epoch, step, trainLoss, validationLoss })),
    explanation:
      `Validation loss is lowest at epoch ${keptEpoch}; epochs ${keptEpoch + 1}–${stoppedAtEpoch} do not beat it, so training stops after epoch ${stoppedAtEpoch} ` +
      `and keeps epoch ${keptEpoch}. The ${epochsSaved} epochs never trained (${formatInteger(stepsSaved)} steps) are where the model would have overfitted. ` +
      `The training loss keeps falling all along: it measures memorisation, not usefulness.`,
  };
}

/** Feedback on a learner's answer. */
export function checkEarlyStoppingAnswer(exercise: EarlyStoppingExercise, epoch: number): { correct: boolean; message: string } {
  if (epoch === exercise.answer) return { correct: true, message: `Right: ${exercise.explanation}` };
  if (epoch === exercise.replay.stoppedAtEpoch) {
    return { correct: false, message: `Training stops after epoch ${epoch}, but it keeps the checkpoint with the lowest validation loss, not the last one it trained.` };
  }
  if (epoch === exercise.choices[exercise.choices.length - 1]) {
    return { correct: false, message: "The last epoch is never reached: validation loss stopped improving well before it." };
  }
  return { correct: false, message: `Not epoch ${epoch}. ${exercise.hint}` };
}
