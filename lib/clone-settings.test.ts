import { describe, expect, it } from "vitest";
import { resolveSettings } from "@/lib/sim";
import { initialFormValues, settingsInputFrom } from "@/lib/form/values";
import { cloneName, cloneSettingsHref, readClonedSettings } from "./clone-settings";

const settings = {
  name: "Character · 10 images",
  images: 10,
  repeats: 20,
  epochs: 10,
  batchSize: 2,
  learningRate: 2e-4,
  textEncoderLearningRate: 1e-5,
  captionQuality: 0.7,
  datasetSimilarity: 0.4,
  seed: 1101,
  networkDim: 16,
  networkAlpha: 8,
  optimizer: "lion" as const,
  lrScheduler: "cosine" as const,
  warmupSteps: 100,
  modelFamily: "flux" as const,
};

describe("cloneSettingsHref", () => {
  it("links to /runs/new with every setting named as in the settings schema", () => {
    expect(cloneSettingsHref(settings)).toBe(
      "/runs/new?images=10&repeats=20&epochs=10&batchSize=2&learningRate=0.0002&textEncoderLearningRate=0.00001&captionQuality=0.7&datasetSimilarity=0.4&seed=1101&networkDim=16&networkAlpha=8&optimizer=lion&lrScheduler=cosine&warmupSteps=100&modelFamily=flux&name=Copy+of+Character+%C2%B7+10+images",
    );
  });
  it("round-trips: the form's values give back the same settings, seed included, which stay valid", () => {
    const read = readClonedSettings(new URL(cloneSettingsHref(settings), "http://x").searchParams);
    expect(resolveSettings(settingsInputFrom(initialFormValues(1, read)))).toEqual({ ...settings, name: "Copy of Character · 10 images" });
  });
  it("keeps tiny, frozen and off-grid values exact", () => {
    const odd = { ...settings, learningRate: 1.2345e-7, textEncoderLearningRate: 0, captionQuality: 0.37, datasetSimilarity: 0.123456 };
    const read = readClonedSettings(new URL(cloneSettingsHref(odd), "http://x").searchParams);
    expect(resolveSettings(settingsInputFrom(read))).toEqual({ ...odd, name: "Copy of Character · 10 images" });
  });
});

describe("cloneName", () => {
  it("says it is a copy and stays within 100 characters", () => {
    expect(cloneName("Run")).toBe("Copy of Run");
    expect(cloneName("x".repeat(100))).toHaveLength(100);
  });
});

describe("readClonedSettings", () => {
  it("skips missing, empty and non-numeric values and reads plain objects too", () => {
    expect(readClonedSettings({ images: "12", epochs: "", repeats: "many", name: ["A", "B"], seed: undefined })).toEqual({ images: "12", name: "A" });
  });
});
