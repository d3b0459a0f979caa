// Each lesson's claims, checked against the simulator: if the model changes so
// that a lesson would teach something false, this fails and names the lesson.
import { describe, expect, it } from "vitest";
import { ARTICLE, SETTINGS_LIMITS, simulate } from "@/lib/sim";
import { LESSONS, RESEARCH_NOTES, getLesson, neighbours } from "./lessons";
import { feedbackFor, runLesson, variantSettings } from "./runs";
import { cellNumber, coincidingRuns, lessonTable } from "./chart";

const articleSentences = new Set<string>(Object.values(ARTICLE));
const researchSentences = new Set<string>(Object.values(RESEARCH_NOTES));

describe("LESSONS", () => {
  it("has at least eight lessons with unique ids", () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(LESSONS.map((lesson) => lesson.id)).size).toBe(LESSONS.length);
  });

  it("covers every rule the article and the product teach", () => {
    expect(LESSONS.map((lesson) => lesson.id)).toEqual(
      expect.arrayContaining(["steps", "best-epoch", "batch-size", "few-images", "many-images", "repeats-epochs", "captions", "similar-images", "rank-alpha", "schedules", "optimizers"]),
    );
  });
});

for (const lesson of LESSONS) {
  describe(`lesson "${lesson.title}"`, () => {
    const runs = runLesson(lesson);

    it("quotes the article (or, where it says so, the research notes) word for word", () => {
      expect(lesson.sentences.length).toBeGreaterThan(0);
      const quoted = lesson.source === "research" ? researchSentences : articleSentences;
      for (const sentence of lesson.sentences) expect(quoted.has(sentence)).toBe(true);
    });

    it("overlays two or three valid settings", () => {
      expect(lesson.variants.length).toBeGreaterThanOrEqual(2);
      expect(lesson.variants.length).toBeLessThanOrEqual(3);
      expect(new Set(lesson.variants.map((v) => v.id)).size).toBe(lesson.variants.length);
      for (const variant of lesson.variants) {
        const settings = variantSettings(variant);
        expect(settings.images).toBeGreaterThanOrEqual(SETTINGS_LIMITS.images.min);
        expect(() => simulate(settings, { lossCurve: false })).not.toThrow();
      }
    });

    it("offers its expected answer among the choices, and the simulator picks that answer", () => {
      const ids = lesson.question.choices.map((choice) => choice.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toContain(lesson.expectedAnswer);
      expect(lesson.question.answer(runs)).toBe(lesson.expectedAnswer);
    });

    for (const claim of lesson.claims) {
      it(`holds in the simulator: ${claim.statement}`, () => {
        expect(claim.holds(runs)).toBe(true);
      });
    }

    it("gives feedback with the runs' numbers for a right and a wrong answer", () => {
      const right = feedbackFor(lesson, runs, lesson.expectedAnswer);
      expect(right.correct).toBe(true);
      expect(right.message).toMatch(/^Right\. /);
      expect(right.message).toMatch(/\d/);
      const wrongChoice = lesson.question.choices.find((choice) => choice.id !== lesson.expectedAnswer)!;
      const wrong = feedbackFor(lesson, runs, wrongChoice.id);
      expect(wrong.correct).toBe(false);
      expect(wrong.message).toMatch(/^Not quite: the answer is “/);
    });

    it("does not depend on the seed it happens to use (the answer holds for other seeds)", () => {
      for (const seed of [2, 99, 123456]) {
        const reseeded = { ...lesson, variants: lesson.variants.map((v) => ({ ...v, settings: { ...v.settings, seed } })) };
        const other = runLesson(reseeded);
        expect(lesson.question.answer(other)).toBe(lesson.expectedAnswer);
        for (const claim of lesson.claims) expect(claim.holds(other), claim.statement).toBe(true);
      }
    });
  });
}

describe("the lesson claims the issue names", () => {
  it("batch 2 at the same LR really learns less than batch 1", () => {
    const single = simulate({ images: 10, seed: 1 }, { lossCurve: false });
    const batched = simulate({ images: 10, batchSize: 2, seed: 1 }, { lossCurve: false });
    expect(batched.checkpoints.at(-1)!.fidelity).toBeLessThan(single.checkpoints.at(-1)!.fidelity);
  });

  it("with Adam's √batch rule, batch 2 needs about √2 × the LR, not 2×", () => {
    const single = simulate({ images: 10, seed: 1 }, { lossCurve: false, batchRule: "sqrt" });
    const sqrtScaled = simulate({ images: 10, batchSize: 2, learningRate: 1e-4 * Math.SQRT2, seed: 1 }, { lossCurve: false, batchRule: "sqrt" });
    const linearScaled = simulate({ images: 10, batchSize: 2, learningRate: 2e-4, seed: 1 }, { lossCurve: false, batchRule: "sqrt" });
    expect(Math.abs(sqrtScaled.recommendedEpoch - single.recommendedEpoch)).toBeLessThanOrEqual(1);
    expect(linearScaled.recommendedEpoch).toBeLessThan(single.recommendedEpoch);
  });
});

describe("getLesson and neighbours", () => {
  it("finds a lesson by id and nothing for an unknown id", () => {
    expect(getLesson("steps")?.id).toBe("steps");
    expect(getLesson("nope")).toBeUndefined();
  });

  it("links the first lesson forward only and the last backward only", () => {
    expect(neighbours(LESSONS[0].id)).toEqual({ previous: undefined, next: LESSONS[1] });
    expect(neighbours(LESSONS.at(-1)!.id)).toEqual({ previous: LESSONS.at(-2), next: undefined });
  });
});

// What the learner sees must show each claim: the numbers table (the same
// strings the lesson page renders) shows the claimed difference at its own
// precision, so "0.73 against 0.73" can never stand for "higher".
for (const lesson of LESSONS) {
  describe(`lesson "${lesson.title}" as shown`, () => {
    const runs = runLesson(lesson);
    const table = lessonTable(runs, lesson.metric);

    it("has at least one claim the numbers table shows", () => {
      expect(lesson.claims.some((claim) => claim.shown)).toBe(true);
    });

    for (const claim of lesson.claims.filter((c) => c.shown)) {
      it(`shows “${claim.statement}” with a visible margin`, () => {
        const { column, greater, lesser } = claim.shown!;
        expect(table.columns.map((c) => c.key)).toContain(column);
        const cell = (id: string) => table.rows.find((row) => row.id === id)!.cells[column];
        expect(cellNumber(cell(greater))).toBeGreaterThan(cellNumber(cell(lesser)));
      });
    }

    it("says when one run's line lies exactly under another's", () => {
      for (const pair of coincidingRuns(runs, lesson.metric)) {
        const shorter = runs.find((run) => run.variant.id === pair.shorter)!;
        expect(lesson.intro + (lesson.note ?? ""), `${pair.shorter} hides under ${pair.longer}`).toMatch(/lies under/);
        expect(shorter.result.checkpoints.length).toBe(pair.epochs);
      }
    });
  });
}
