import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { simulate, type SettingsInput } from "@/lib/sim";
import { bestEpochAt } from "@/lib/sim/team-calibration";
import { getTeamCalibration } from "@/lib/server/runs/calibration";
import { newRunId, runRecordFrom } from "@/lib/server/runs/record";

/** Stores an imported run as the importer would (no checkpoints simulated), with `read` the settings its files gave. */
async function storeImported(settings: SettingsInput, pickedEpoch: number | null, read: string[] = ["images", "repeats", "epochs", "learningRate"]) {
  const { checkpoints: _simulated, ...row } = runRecordFrom(newRunId(), simulate({ seed: 1, ...settings }), { pickedEpoch });
  void _simulated;
  await db.run.create({ data: { ...row, source: "imported", trainer: "kohya", importInfo: JSON.stringify({ read, unmodelled: {}, optimizerArgs: {} }) } });
  return row.id;
}

describe("getTeamCalibration", () => {
  it("explains what is missing below three picked runs, then fits the team's picks", async () => {
    const before = await getTeamCalibration();
    expect(before.ok).toBe(false);
    const speed = 1.5;
    const settings = [10, 20, 40, 15].map((images): SettingsInput => ({ name: `calibration ${images}`, images, repeats: 10, epochs: 40 }));
    const pickOf = (s: SettingsInput) => bestEpochAt(simulate({ seed: 1, ...s }, { lossCurve: false }).settings, speed);

    await storeImported(settings[0], pickOf(settings[0]));
    await storeImported(settings[1], pickOf(settings[1]));
    await storeImported(settings[2], null);
    // ai-toolkit records no dataset size: the prediction assumed one, so its pick cannot teach the model.
    await storeImported({ ...settings[3], name: "no dataset size" }, 12, ["learningRate"]);
    // Simulated runs never count, picked or not.
    await db.run.create({ data: (({ checkpoints: _c, ...row }) => row)(runRecordFrom(newRunId(), simulate({ images: 10, seed: 1 }), { pickedEpoch: 3 })) });

    const needs = await getTeamCalibration();
    expect(needs).toMatchObject({ ok: false, runs: 2, needed: 3, imported: before.imported + 4, picked: 3, withoutDatasetSize: 1 });
    if (!needs.ok) expect(needs.reason).toMatch(/picked the best epoch of 2\. One picked run is left out: its files do not say how many images it trained on\. Pick the best epoch of 1 more/);

    const last = await storeImported(settings[3], pickOf(settings[3]));
    const fitted = await getTeamCalibration();
    expect(fitted).toMatchObject({ ok: true, runs: 3, picked: 4 });
    if (!fitted.ok) throw new Error(fitted.reason);
    expect(Math.abs(Math.log(fitted.learningSpeed / speed))).toBeLessThan(0.1);
    expect(fitted.perRun.map((run) => run.name).sort()).toEqual(["calibration 10", "calibration 15", "calibration 20"]);

    // Leaving a run out (its own page) drops it from the fit.
    expect(await getTeamCalibration({ excludeRunId: last })).toMatchObject({ ok: false, runs: 2 });
  });
});
