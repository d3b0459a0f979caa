// Reads for /analysis: the stored runs the parallel-coordinates view draws,
// and the run whose checkpoints the strength grid shows.
import "server-only";
import { getRun, listRuns, RUNS_PAGE_SIZE_MAX, type RunDetail, type RunSummary } from "@/lib/server/runs";

/** The view draws at most this many stored runs (the newest). */
export const STORED_RUNS_LIMIT = 500;

/** The newest stored runs, up to STORED_RUNS_LIMIT, page by page through the one list query. */
export async function loadStoredRuns(): Promise<{ runs: RunSummary[]; more: boolean }> {
  const runs: RunSummary[] = [];
  let cursor: string | undefined;
  while (runs.length < STORED_RUNS_LIMIT) {
    const page = await listRuns({ limit: RUNS_PAGE_SIZE_MAX, sort: "createdAt", dir: "desc", cursor });
    runs.push(...page.runs);
    if (!page.nextCursor) return { runs, more: false };
    cursor = page.nextCursor;
  }
  return { runs: runs.slice(0, STORED_RUNS_LIMIT), more: true };
}

/** A stored run by id, or null when it does not exist. */
export async function loadRun(id: string): Promise<RunDetail | null> {
  return getRun(id);
}
