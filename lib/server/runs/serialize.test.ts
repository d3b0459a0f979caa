import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { simulate } from "@/lib/sim";
import { decodeLossCurve, encodeLossCurve, lossCurveJson, runDetailJson, toRunDetail } from "@/lib/server/runs/serialize";
import { newRunId, runRecordFrom } from "@/lib/server/runs/record";

describe("lossCurveJson", () => {
  it("writes what parsing the stored curve and serialising it would write, for any curve encodeLossCurve stores", () => {
    const loss = fc.oneof(fc.double({ min: 0, max: 1e3, noNaN: true }), fc.constantFrom(0, 1, 1e-7, 2.5e-9, 1e21, 123456789, 0.1 + 0.2));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1_000_000), loss), { maxLength: 40 }), (points) => {
        const stored = encodeLossCurve(points.map(([step, value]) => ({ step, loss: value })));
        expect(lossCurveJson(stored)).toBe(JSON.stringify(decodeLossCurve(stored)));
      }),
    );
  });

  it("parses text of any other shape instead of copying it", () => {
    for (const text of ["[ [1, 0.5] ]", "[[1,0.50]]", "[[1,5E-7]]", "[[1,1e7]]", '[[1,"0.5"]]', "[]"]) {
      expect(lossCurveJson(text)).toBe(JSON.stringify(decodeLossCurve(text)));
    }
  });
});

describe("runDetailJson", () => {
  it("is JSON.stringify of the run in full, key for key", () => {
    for (const settings of [
      { images: 20, repeats: 15, epochs: 16, seed: 7 },
      { images: 3, epochs: 1, seed: 1 },
    ]) {
      const record = runRecordFrom(newRunId(), simulate({ name: "detail", ...settings }));
      const { checkpoints, ...run } = record;
      const row = {
        ...run,
        notes: 'a "quoted" note',
        pickedEpoch: null,
        trainer: null,
        importInfo: null,
        createdAt: new Date("2026-01-02T03:04:05.678Z"),
        updatedAt: new Date("2026-01-02T03:04:06Z"),
        checkpoints: checkpoints.create.map((checkpoint) => ({ ...checkpoint, runId: run.id })),
      };
      expect(runDetailJson(row as Parameters<typeof runDetailJson>[0])).toBe(JSON.stringify(toRunDetail(row as Parameters<typeof toRunDetail>[0])));
    }
  });
});
