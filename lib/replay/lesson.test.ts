import { describe, expect, it } from "vitest";
import { simulate } from "@/lib/sim";
import { buildEarlyStoppingExercise, checkEarlyStoppingAnswer, EARLY_STOPPING_EXERCISE_SETTINGS } from "./lesson";
import { replayEarlyStopping } from "./replay";

describe("buildEarlyStoppingExercise", () => {
  it("keeps epoch 10 and stops after epoch 12 with patience 2 (a stable answer for the lesson text)", () => {
    const exercise = buildEarlyStoppingExercise();
    expect(exercise.answer).toBe(10);
    expect(exercise.replay).toMatchObject({ patience: 2, stoppedAtEpoch: 12, keptEpoch: 10, epochsSaved: 3, stepsSaved: 600, stoppedEarly: true });
    expect(exercise.choices).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(exercise.explanation).toContain("stops after epoch 12");
  });

  it("is the replay of the simulated run, every time", () => {
    const run = simulate(EARLY_STOPPING_EXERCISE_SETTINGS, { lossCurve: false });
    const exercise = buildEarlyStoppingExercise();
    expect(exercise.answer).toBe(replayEarlyStopping(run.checkpoints, { patience: exercise.patience }).keptEpoch);
    expect(buildEarlyStoppingExercise()).toEqual(exercise);
  });
});

describe("checkEarlyStoppingAnswer", () => {
  it("accepts the kept epoch and explains the usual wrong answers", () => {
    const exercise = buildEarlyStoppingExercise();
    expect(checkEarlyStoppingAnswer(exercise, 10).correct).toBe(true);
    expect(checkEarlyStoppingAnswer(exercise, 12)).toEqual({ correct: false, message: expect.stringContaining("lowest validation loss") });
    expect(checkEarlyStoppingAnswer(exercise, 15)).toEqual({ correct: false, message: expect.stringContaining("never reached") });
    expect(checkEarlyStoppingAnswer(exercise, 3).correct).toBe(false);
  });
});
