import { describe, expect, it } from "vitest";
import { measureAgreement } from "./agreement";
import type { PairVote, VoteOutcome } from "./votes";

const vote = (reviewer: string, a: string, b: string, outcome: VoteOutcome, promptIndex = 0): PairVote => ({ reviewer, a, b, promptIndex, outcome });

describe("measureAgreement", () => {
  it("is undefined with a single reviewer: no comparison is shared", () => {
    expect(measureAgreement([vote("ana", "e6", "e8", "a"), vote("ana", "e8", "e10", "b")])).toEqual({
      sharedComparisons: 0,
      answerPairs: 0,
      percentAgreement: null,
      krippendorffAlpha: null,
    });
  });

  it("reads the preferred checkpoint, not the label: A for one reviewer and B for another can be the same answer", () => {
    const result = measureAgreement([
      vote("ana", "e6", "e8", "a"),
      vote("ben", "e8", "e6", "b"),
      vote("ana", "e8", "e10", "tie"),
      vote("ben", "e10", "e8", "tie"),
      vote("ana", "e2", "e4", "b"),
      vote("ben", "e4", "e2", "a"),
    ]);
    expect(result.sharedComparisons).toBe(3);
    expect(result.percentAgreement).toBe(1);
    expect(result.krippendorffAlpha).toBeCloseTo(1, 12);
  });

  it("treats the same pair on another prompt as another comparison", () => {
    const result = measureAgreement([vote("ana", "e6", "e8", "a", 0), vote("ben", "e6", "e8", "b", 1)]);
    expect(result.sharedComparisons).toBe(0);
  });

  it("matches a hand-worked Krippendorff's alpha", () => {
    // Units (canonical answers): u1 first/first, u2 first/second, u3 second/second, u4 tie/first.
    // Coincidences: first–first 2, second–second 2, first–second 2 (1 each way), tie–first 2.
    // n = 8; n_first = 4, n_second = 3, n_tie = 1. Do = 4/8 = 0.5.
    // De = (2·(4·3) + 2·(4·1) + 2·(3·1)) / (8·7) = 38/56. alpha = 1 − 0.5 / (38/56) = 1 − 28/38.
    const result = measureAgreement([
      vote("ana", "p", "q", "a", 0),
      vote("ben", "p", "q", "a", 0),
      vote("ana", "p", "q", "a", 1),
      vote("ben", "p", "q", "b", 1),
      vote("ana", "p", "q", "b", 2),
      vote("ben", "q", "p", "a", 2),
      vote("ana", "p", "q", "tie", 3),
      vote("ben", "p", "q", "a", 3),
    ]);
    expect(result.sharedComparisons).toBe(4);
    expect(result.answerPairs).toBe(4);
    expect(result.percentAgreement).toBe(0.5);
    expect(result.krippendorffAlpha).toBeCloseTo(1 - 28 / 38, 12);
  });

  it("goes below zero when reviewers systematically disagree", () => {
    const result = measureAgreement([vote("ana", "p", "q", "a", 0), vote("ben", "p", "q", "b", 0), vote("ana", "p", "q", "b", 1), vote("ben", "p", "q", "a", 1)]);
    expect(result.percentAgreement).toBe(0);
    expect(result.krippendorffAlpha).toBeLessThan(0);
  });

  it("counts a reviewer's latest answer once when they answered the same comparison twice", () => {
    const result = measureAgreement([vote("ana", "p", "q", "b"), vote("ana", "p", "q", "a"), vote("ben", "p", "q", "a")]);
    expect(result).toMatchObject({ sharedComparisons: 1, answerPairs: 1, percentAgreement: 1 });
  });
});
