import { describe, expect, it } from "vitest";
import { getLesson } from "./lessons";
import { runLesson } from "./runs";
import { lessonRows } from "./chart";

describe("lessonRows", () => {
  it("puts each variant's metric under its id, one row per epoch", () => {
    const runs = runLesson(getLesson("best-epoch")!);
    const rows = lessonRows(runs, "quality", "epoch");
    expect(rows).toHaveLength(10);
    expect(rows[7]).toEqual({ epoch: 8, ten: runs[0].result.checkpoints[7].quality, twenty: runs[1].result.checkpoints[7].quality });
  });

  it("places checkpoints at their steps, null where a run saved none", () => {
    const runs = runLesson(getLesson("steps")!);
    const rows = lessonRows(runs, "quality", "step");
    const at1000 = rows.find((row) => row.step === 1000)!;
    expect(at1000.batch2).toBe(runs[1].result.checkpoints[9].quality);
    expect(at1000.article).toBe(runs[0].result.checkpoints[4].quality);
    expect(rows.find((row) => row.step === 100)!.article).toBeNull();
    expect(rows.map((row) => row.step)).toEqual([...rows.map((row) => row.step as number)].sort((a, b) => a - b));
  });
});
