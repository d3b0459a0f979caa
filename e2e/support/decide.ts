// Checks of the decide panels (estimate, early-stopping replay), shared by the
// specs of every page that embeds them: /runs/new, /runs/[id], /playground.
import { expect, type Locator, type Page } from "@playwright/test";

/** The estimate panel (there is one per page). */
export function estimatePanel(page: Page): Locator {
  return page.getByRole("region", { name: "Time and cost on a real GPU" });
}

/** The total steps the estimate's headline states ("… → 2,000 steps ≈ 41 min"). */
export async function readEstimatedSteps(page: Page): Promise<number> {
  const text = await estimatePanel(page).getByTestId("estimate-headline").innerText();
  const match = /→ ([\d,]+) steps/.exec(text);
  if (!match) throw new Error(`No step count in the estimate headline: ${text}`);
  return Number(match[1].replaceAll(",", ""));
}

/** Picks a model family and GPU in the estimate panel by their visible labels. */
export async function pickEstimateHardware(page: Page, model: string, gpu: string) {
  const panel = estimatePanel(page);
  await panel.getByLabel("Model").selectOption({ label: model });
  await panel.getByLabel("GPU").selectOption({ label: gpu });
}

/**
 * Checks the estimate follows a batch change made by the page's own control:
 * `setBatch(n)` must set the batch size the panel receives. Batch 2 halves the
 * steps (for an even images × repeats) and shows the time and cost again.
 */
export async function expectEstimateFollowsBatch(page: Page, setBatch: (batch: number) => Promise<void>) {
  await setBatch(1);
  const headline = estimatePanel(page).getByTestId("estimate-headline");
  await expect(headline).toContainText("steps ≈");
  const before = await readEstimatedSteps(page);
  await setBatch(2);
  await expect.poll(() => readEstimatedSteps(page)).toBe(Math.ceil(before / 2));
  await expect(headline).toContainText("$");
  await expect(estimatePanel(page).getByTestId("what-if-batch")).toContainText("Batch 4 instead of 2");
}

/** The early-stopping replay panel. */
export function replayPanel(page: Page): Locator {
  return page.getByRole("region", { name: "Early stopping, replayed" });
}

/** The epoch training stops after, as the replay sentence says it (the last epoch when it runs to the end). */
async function readStoppedAfter(panel: Locator): Promise<number> {
  const text = await panel.getByTestId("replay-result").innerText();
  const match = /stopped after epoch (\d+)|run all (\d+) epochs/.exec(text);
  if (!match) throw new Error(`No stop in the replay sentence: ${text}`);
  return Number(match[1] ?? match[2]);
}

/**
 * Drives the patience slider by keyboard from 1 to 5: the sentence updates
 * and training never stops earlier with more patience.
 */
export async function expectReplayControlWorks(page: Page) {
  const panel = replayPanel(page);
  const slider = panel.getByRole("slider", { name: /Patience/ });
  await slider.focus();
  await page.keyboard.press("Home");
  await expect(slider).toHaveValue("1");
  const stops = [await readStoppedAfter(panel)];
  for (let patience = 2; patience <= 5; patience++) {
    await page.keyboard.press("ArrowRight");
    await expect(slider).toHaveValue(String(patience));
    await expect(panel.getByRole("row", { name: new RegExp(`^${patience} \\(shown above\\)`) })).toBeVisible();
    stops.push(await readStoppedAfter(panel));
  }
  for (let i = 1; i < stops.length; i++) expect(stops[i]).toBeGreaterThanOrEqual(stops[i - 1]);
}
