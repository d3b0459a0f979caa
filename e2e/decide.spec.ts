// The decide features on their pages: best versus last, the overfit-onset
// marker, the early-stopping replay and the estimate on a run; a twin that
// opens in compare; the estimate following the new-run form's batch size.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations } from "./support/a11y";
import { watchOwnConsoleErrors } from "./support/console-errors";
import { estimatePanel, expectEstimateFollowsBatch, expectReplayControlWorks, replayPanel } from "./support/decide";

test.describe.configure({ timeout: 120_000 });

async function createRun(request: APIRequestContext, settings: Record<string, unknown>) {
  const response = await request.post("/api/runs", { data: settings });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; name: string; recommendedEpoch: number; seed: number; epochs: number };
}

test("a run shows best versus last, the overfit onset, the replay and the estimate", async ({ page, request }) => {
  test.slow();
  // 30 images × 20 repeats × 12 epochs overfits before the end (law 4): the onset exists.
  const run = await createRun(request, { name: "Decide overview", images: 30, epochs: 12, seed: 31 });
  const assertNoConsoleErrors = watchOwnConsoleErrors(page);
  await page.goto(`/runs/${run.id}`);
  const decide = page.getByRole("region", { name: "Decide" });
  const card = decide.getByRole("region", { name: "Best versus last epoch" });
  await expect(card).toContainText(`Recommended${run.recommendedEpoch}`);
  await expect(card).toContainText("Last12");
  await expect(card).toContainText(/Overfit onset\d+/);
  const onset = Number(/Overfit onset(\d+)/.exec((await card.textContent()) ?? "")?.[1]);
  expect(onset).toBeGreaterThan(1);
  await expect(page.getByTestId("overfit-onset-note")).toContainText(`epoch ${onset}`);
  await expect(page.getByRole("img", { name: /^Loss:/ })).toContainText(`Overfit onset (epoch ${onset})`);

  await expectReplayControlWorks(page);
  await expect(replayPanel(page).getByTestId("replay-result")).toContainText("epoch");
  await expect(estimatePanel(page).getByTestId("estimate-headline")).toContainText("7,200 steps ≈");
  await expectNoSeriousA11yViolations(page);
  assertNoConsoleErrors();
});

test("creating a twin opens the run and its twin in compare", async ({ page, request }) => {
  test.slow();
  const run = await createRun(request, { name: "Twin source", images: 10, repeats: 20, epochs: 10, seed: 5 });
  await page.goto(`/runs/${run.id}`);
  const twins = page.getByTestId("twin-actions");
  await twins.getByRole("button", { name: "Create twin and compare" }).first().click();
  await page.waitForURL(/\/compare\?runs=/);
  const ids = new URL(page.url()).searchParams.get("runs")!.split(",");
  expect(ids).toHaveLength(2);
  expect(ids[0]).toBe(run.id);
  expect(ids[1]).not.toBe(run.id);
  await expect(page.getByRole("link", { name: "Twin source" }).first()).toBeVisible();
  await expect(async () => {
    const twin = await (await request.get(`/api/runs/${ids[1]}`)).json();
    expect(twin.totalSteps).toBe(2000);
  }).toPass();
});

test("the dashboard's decide section fits a phone", async ({ page, request }) => {
  const run = await createRun(request, { images: 12, epochs: 10, seed: 9 });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/runs/${run.id}`);
  await expect(replayPanel(page)).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test("the new-run estimate follows the batch size", async ({ page }) => {
  test.slow();
  const assertNoConsoleErrors = watchOwnConsoleErrors(page);
  await page.goto("/runs/new");
  await page.getByRole("spinbutton", { name: "Images", exact: true }).fill("10");
  await page.getByLabel("Repeats", { exact: true }).fill("20");
  await page.getByLabel("Epochs", { exact: true }).fill("10");
  await expectEstimateFollowsBatch(page, async (batch) => {
    await page.getByLabel("Batch size", { exact: true }).fill(String(batch));
  });
  assertNoConsoleErrors();
});

test("the playground shows the estimate for its settings", async ({ page }) => {
  test.slow();
  await page.goto("/playground");
  await expect(estimatePanel(page).getByTestId("estimate-headline")).toContainText("steps ≈");
});

test("the runs list shows the lowest-validation and last epochs and sorts by the best-versus-last gap", async ({ page }) => {
  test.slow();
  await page.goto("/");
  const table = page.getByRole("table", { name: /Stored runs/ });
  await expect(table.getByRole("columnheader", { name: "Lowest val. loss" })).toBeVisible();
  await table.getByRole("link", { name: /^Gap/ }).click();
  await page.waitForURL(/sort=qualityGap/);
  await expect(table.getByRole("columnheader", { name: /^Gap/ })).toHaveAttribute("aria-sort", "descending");
  const gaps = (await table.getByTestId("quality-gap").allInnerTexts()).map((text) => Number.parseFloat(text));
  expect(gaps.length).toBeGreaterThan(1);
  expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
});

test("the early-stopping exercise in the best-epoch lesson gives feedback", async ({ page }) => {
  test.slow();
  await page.goto("/learn/best-epoch");
  const exercise = page.getByRole("region", { name: "Exercise: Early stopping: patience" });
  const select = exercise.getByLabel("Kept epoch");
  await select.selectOption({ label: "Epoch 15" });
  await exercise.getByRole("button", { name: "Check answer" }).click();
  await expect(exercise.getByTestId("early-stopping-feedback")).toContainText("The last epoch is never reached");
  await select.selectOption({ label: "Epoch 8" });
  await expect(exercise.getByTestId("early-stopping-feedback")).toHaveCount(0);
  await exercise.getByRole("button", { name: "Check answer" }).click();
  await expect(exercise.getByTestId("early-stopping-feedback")).toContainText(/^Right: .*keeps epoch 8/);
  await expectNoSeriousA11yViolations(page);
});
