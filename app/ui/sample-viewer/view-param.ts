// The sample viewer's place in the URL: ?view=<runId>:<epoch>:<promptId>.
// Pure, so the server page can read it on load and the viewer can write it.
import { SAMPLE_PROMPTS } from "@/lib/preview";

export const VIEW_PARAM = "view";

export interface SampleView {
  runId: string;
  /** 0 is the untrained baseline. */
  epoch: number;
  promptId: string;
}

export function formatSampleView(view: SampleView): string {
  return `${view.runId}:${view.epoch}:${view.promptId}`;
}

/**
 * Reads ?view=… against the runs on the page; null when absent or not one of
 * them (an unknown run, an epoch out of range, an unknown prompt).
 * @example parseSampleView("abc:3:forest", [{ id: "abc", epochs: 10 }]) // → { runId: "abc", epoch: 3, promptId: "forest" }
 */
export function parseSampleView(value: string | string[] | undefined | null, runs: readonly { id: string; epochs: number }[]): SampleView | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return null;
  const match = /^([^:]+):(\d{1,3}):([a-z0-9-]+)$/.exec(raw);
  if (!match) return null;
  const [, runId, epochText, promptId] = match;
  const run = runs.find((candidate) => candidate.id === runId);
  const epoch = Number(epochText);
  if (!run || epoch > run.epochs || !SAMPLE_PROMPTS.some((prompt) => prompt.id === promptId)) return null;
  return { runId, epoch, promptId };
}

/** The current URL's query with the view set (or removed when null), for history.replaceState. */
export function searchWithView(search: string, view: SampleView | null): string {
  const params = new URLSearchParams(search);
  if (view) params.set(VIEW_PARAM, formatSampleView(view));
  else params.delete(VIEW_PARAM);
  const query = params.toString().replaceAll("%3A", ":").replaceAll("%2C", ",");
  return query ? `?${query}` : "";
}
