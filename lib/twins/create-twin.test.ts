import { describe, expect, it } from "vitest";
import { createRun, getRun } from "@/lib/server/runs";
import { InputError, NotFoundError } from "@/lib/errors";
import { createTwinRun } from "./create-twin";
import { localWriteAccess } from "@/lib/server/auth/write-access";

const access = localWriteAccess();

const tag = () => `t${Math.random().toString(36).slice(2, 10)}`;

describe("createTwinRun", () => {
  it("stores a twin with the same total steps and returns the compare link", async () => {
    const original = await createRun(access, { name: `${tag()} original`, images: 10, seed: 5 });
    const { twin, compareHref } = await createTwinRun(access, original.id, "repeats-for-epochs");
    expect(twin.totalSteps).toBe(original.totalSteps);
    expect(twin).toMatchObject({ repeats: 10, epochs: 20, seed: 5 });
    expect(twin.notes).toContain("Equal-steps twin of");
    expect(compareHref).toBe(`/compare?runs=${original.id},${twin.id}`);
    expect(await getRun(twin.id)).toEqual(twin);
  });

  it("uses the square-root rule when asked", async () => {
    const original = await createRun(access, { name: `${tag()} sqrt`, images: 10, epochs: 4, seed: 5 });
    const { twin } = await createTwinRun(access, original.id, "batch-for-lr", { batchRule: "sqrt" });
    expect(twin).toMatchObject({ batchSize: 2, learningRate: 1.41e-4, totalSteps: original.totalSteps });
  });

  it("refuses an unknown run and a run without an exact twin", async () => {
    await expect(createTwinRun(access, "nope", "repeats-for-epochs")).rejects.toBeInstanceOf(NotFoundError);
    const single = await createRun(access, { name: `${tag()} one repeat`, images: 10, repeats: 1, epochs: 2, seed: 5 });
    await expect(createTwinRun(access, single.id, "repeats-for-epochs")).rejects.toBeInstanceOf(InputError);
  });
});
