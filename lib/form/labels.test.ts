import { describe, expect, it } from "vitest";
import { fieldErrorsFrom, settingsInputSchema } from "@/lib/sim/schema";
import { labelFieldErrors, settingLabel } from "./labels";

describe("labelFieldErrors", () => {
  it("replaces the field name at the start of each schema message with the form's label", () => {
    const input = { repeats: 20, batchSize: 40, learningRate: 50 };
    const parsed = settingsInputSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const labelled = labelFieldErrors(fieldErrorsFrom(parsed.error, input));
    expect(labelled.images).toBe("Images is required");
    expect(labelled.batchSize).toMatch(/^Batch size must be a whole number from 1 to 32/);
    expect(labelled.learningRate).toMatch(/^Learning rate must be/);
    expect(Object.values(labelled).join(" ")).not.toMatch(/batchSize|learningRate|^images/);
  });

  it("leaves messages that do not start with the field name alone", () => {
    expect(labelFieldErrors({ images: "Enter at least one image" })).toEqual({ images: "Enter at least one image" });
  });

  it("keeps the field name of a setting without a label", () => {
    expect(settingLabel("futureSetting")).toBe("futureSetting");
    expect(labelFieldErrors({ futureSetting: "futureSetting is required" })).toEqual({ futureSetting: "futureSetting is required" });
  });
});
