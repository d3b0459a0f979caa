import { describe, expect, it } from "vitest";
import { KOHYA_PROMPTS } from "../../scripts/make-import-fixtures";
import { parsePromptFile, parsePromptLine } from "./prompt-file";

describe("parsePromptFile", () => {
  it("numbers prompts as kohya does, skipping comments and blank lines", () => {
    const text = ["# my prompts", "", KOHYA_PROMPTS[0], "   ", KOHYA_PROMPTS[1], ""].join("\r\n");
    const prompts = parsePromptFile(text);
    expect(prompts.map((prompt) => [prompt.index, prompt.prompt])).toEqual([
      [0, "a photo of sksdog sitting on a red sofa, soft window light"],
      [1, "sksdog running on a beach at sunset, wide shot"],
    ]);
  });
  it("gives an empty list for a file of comments", () => {
    expect(parsePromptFile("# nothing\n\n")).toEqual([]);
  });
});

describe("parsePromptLine", () => {
  it("strips --n --w --h --d --l --s from the shown prompt and reads them", () => {
    expect(parsePromptLine(KOHYA_PROMPTS[0], 0)).toEqual({
      index: 0,
      prompt: "a photo of sksdog sitting on a red sofa, soft window light",
      negativePrompt: "blurry, lowres",
      width: 1024,
      height: 1024,
      seed: 42,
      steps: 28,
      scale: 7,
    });
  });
  it("strips flags it does not read too (--ss, --g, --cn)", () => {
    expect(parsePromptLine("a cat --ss euler_a --g 3.5 --cn pose.png --d 5", 2)).toMatchObject({ prompt: "a cat", seed: 5, steps: null });
  });
  it("keeps double dashes that are not flags inside the prompt", () => {
    expect(parsePromptLine("a sign reading go--go", 0).prompt).toBe("a sign reading go--go");
  });
  it("clamps --s to 1..1000 as line_to_prompt_dict does", () => {
    expect(parsePromptLine("x --s 5000", 0).steps).toBe(1000);
  });
});
