// The sample viewer's place in the URL: ?view=<runId>:<epoch>:<promptId>.
// Pure, so the server page can read it on load and the viewer can write it.
import { SAMPLE_PROMPTS } from "@/lib/preview";

export const VIEW_PARAM = "view";

export interface SampleView {
  runId: string;
  /** 0 is the untrained baseline (a real run's before-training samples). */
  epoch: number;
  promptId: string;
}

/**
 * A run the viewer can open: its id and last epoch. A simulated run has every
 * epoch 0..epochs and the simulator's prompts; an imported run lists the
 * epochs it has samples for and its own prompt ids.
 */
export interface ViewTarget {
  id: string;
  epochs: number;
  /** The epochs that have samples, when not every one of 0..epochs does. */
  epochList?: readonly number[];
  /** The run's prompt ids, when not the simulator's SAMPLE_PROMPTS. */
  promptIds?: readonly string[];
}

/**
 * The view target of a run the viewer shows: a real run (kind "real") lists its
 * epochs and prompts; a simulated one has every epoch and the simulator's prompts.
 */
export function viewTargetOf(
  run: { kind: "real"; id: string; lastEpoch: number; epochs: readonly number[]; prompts: readonly { id: string }[] } | { kind?: "simulated"; id: string; checkpoints: readonly unknown[] },
): ViewTarget {
  if (run.kind === "real") return { id: run.id, epochs: run.lastEpoch, epochList: run.epochs, promptIds: run.prompts.map((prompt) => prompt.id) };
  return { id: run.id, epochs: run.checkpoints.length };
}

export function formatSampleView(view: SampleView): string {
  return `${view.runId}:${view.epoch}:${view.promptId}`;
}

/**
 * Reads ?view=… against the runs on the page; null when absent or not one of
 * them (an unknown run, an epoch out of range, an unknown prompt).
 * @example parseSampleView("abc:3:forest", [{ id: "abc", epochs: 10 }]) // → { runId: "abc", epoch: 3, promptId: "forest" }
 */
export function parseSampleView(value: string | string[] | undefined | null, runs: readonly ViewTarget[]): SampleView | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return null;
  const match = /^([^:]+):(\d{1,3}):([a-z0-9-]+)$/.exec(raw);
  if (!match) return null;
  const [, runId, epochText, promptId] = match;
  const run = runs.find((candidate) => candidate.id === runId);
  const epoch = Number(epochText);
  if (!run || epoch > run.epochs) return null;
  if (run.epochList && !run.epochList.includes(epoch)) return null;
  const promptIds = run.promptIds ?? SAMPLE_PROMPTS.map((prompt) => prompt.id);
  if (!promptIds.includes(promptId)) return null;
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
