// GET /runs/{id}/samples/{epoch}-{promptId}.svg: one sample preview of a run as
// an SVG file (epoch 0 is the untrained baseline). The run page's grid shows
// these as images, so the grid ships no script and nothing to hydrate. A run's
// checkpoints never change once stored, so the browser may keep the file.
import { getSampleSource } from "@/lib/server/runs";
import { baselineCheckpoint, buildSamplePreview, SAMPLE_PROMPTS } from "@/lib/preview";
import { samplePreviewSvg } from "@/lib/preview/svg-markup";

type Context = { params: Promise<{ id: string; sample: string }> };

/** Drawn at the size of the dashboard's grid cells, twice over for sharp screens. */
const SAMPLE_FILE_SIZE = 176;

export async function GET(_request: Request, { params }: Context) {
  const { id, sample } = await params;
  const match = /^(\d{1,4})-([a-z]+)\.svg$/.exec(sample);
  const prompt = match ? SAMPLE_PROMPTS.find((p) => p.id === match[2]) : undefined;
  if (!match || !prompt) return notFound("No such sample: expected {epoch}-{prompt}.svg.");
  const epoch = Number(match[1]);
  const source = await getSampleSource(id, epoch);
  if (!source) return notFound("No run with that id and epoch.");
  const image = buildSamplePreview({ checkpoint: source.checkpoint ?? baselineCheckpoint(), seed: source.seed, prompt });
  return new Response(samplePreviewSvg(image, SAMPLE_FILE_SIZE), {
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
}

function notFound(message: string): Response {
  return new Response(message, { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
