import { describe, expect, it } from "vitest";
import { simulate } from "@/lib/sim";
import { baselineCheckpoint, buildSamplePreview, SAMPLE_PROMPTS, type PreviewShape } from "./index";
import { samplePreviewSvg } from "./svg-markup";

const run = simulate({ images: 20, repeats: 20, epochs: 16, seed: 91 });

function countElements(svg: string, name: string): number {
  return svg.match(new RegExp(`<${name}[ />]`, "g"))?.length ?? 0;
}

function countShapes(shapes: PreviewShape[], kind: PreviewShape["kind"]): number {
  return shapes.filter((shape) => shape.kind === kind).length;
}

describe("samplePreviewSvg", () => {
  it("draws one element per shape of every checkpoint and prompt, in a 100 × 100 view at the asked size", () => {
    for (const checkpoint of [baselineCheckpoint(), ...run.checkpoints]) {
      for (const prompt of SAMPLE_PROMPTS) {
        const image = buildSamplePreview({ checkpoint, seed: run.settings.seed, prompt });
        const svg = samplePreviewSvg(image, 88);
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="88" height="88">')).toBe(true);
        const all = [...image.shapes, ...image.overlay];
        for (const kind of ["rect", "circle", "ellipse", "path"] as const) expect(countElements(svg, kind)).toBe(countShapes(all, kind));
        expect(svg).not.toMatch(/NaN|undefined/);
      }
    }
  });

  it("blurs the shapes under the overlay only when the look asks for blur", () => {
    const prompt = SAMPLE_PROMPTS[0];
    const vague = buildSamplePreview({ checkpoint: baselineCheckpoint(), seed: 3, prompt });
    const sharp = buildSamplePreview({ checkpoint: run.checkpoints[run.recommendedEpoch - 1], seed: 3, prompt });
    expect(vague.look.blur).toBeGreaterThan(0);
    expect(samplePreviewSvg(vague, 88)).toContain(`<feGaussianBlur stdDeviation="${vague.look.blur}"/>`);
    expect(samplePreviewSvg(vague, 88)).toContain('<g filter="url(#blur)">');
    if (sharp.look.blur === 0) expect(samplePreviewSvg(sharp, 88)).not.toContain("filter");
  });

  it("carries the text alternative as its title, escaped", () => {
    const image = buildSamplePreview({ checkpoint: run.checkpoints[0], seed: 1, prompt: SAMPLE_PROMPTS[1] });
    const svg = samplePreviewSvg({ ...image, description: `a <b> & "c"` }, 120);
    expect(svg).toContain("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>");
  });

  it("is the same file for the same checkpoint, seed and prompt", () => {
    const draw = () => samplePreviewSvg(buildSamplePreview({ checkpoint: run.checkpoints[5], seed: 91, prompt: SAMPLE_PROMPTS[2] }), 88);
    expect(draw()).toBe(draw());
  });
});
