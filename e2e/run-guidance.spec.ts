// The run page guides: what to do next follows from the run, one click makes the
// suggested run on the same seed and opens compare with both, a pick shows in
// every panel at once, and the two overfitting signals say what each means.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations } from "./support/a11y";
import { watchOwnConsoleErrors } from "./support/console-errors";

test.describe.configure({ timeout: 120_000 });

type CreatedRun = { id: string; name: string; recommendedEpoch: number; seed: number; epochs: number; checkpoints: { epoch: number; verdict: string }[] };

async function createRun(request: APIRequestContext, settings: Record<string, unknown>): Promise<CreatedRun> {
  const response = await request.post("/api/runs", { data: settings });
  expect(response.status()).toBe(201);
  return (await response.json()) as CreatedRun;
}

test("an underfit run says it is still improving and one click trains longer on the same seed, opening compare", async ({ page, request }) => {
  test.slow();
  const run = await createRun(request, { name: "Six images, ten epochs", images: 6, seed: 3 });
  expect(run.checkpoints.at(-1)?.verdict).toBe("underfit");
  const assertNoConsoleErrors = watchOwnConsoleErrors(page);
  await page.goto(`/runs/${run.id}`);

  const best = page.getByRole("region", { name: "Best versus last epoch" });
  await expect(best).toContainText("Still improving");
  await expect(best).not.toContainText("nothing lost by keeping it");

  const next = page.getByRole("region", { name: "What to do next" });
  await expect(next).toContainText(/^What to do nextStill improving: the last epoch is underfit/);
  const button = next.getByRole("button", { name: /^Try \d+ epochs/ });
  const epochs = Number(/Try (\d+) epochs/.exec((await button.textContent()) ?? "")?.[1]);
  expect(epochs).toBeGreaterThan(10);
  await expect(next).toContainText(`with ${epochs} epochs`);
  await button.click();

  await page.waitForURL(/\/compare\?runs=/);
  const ids = new URL(page.url()).searchParams.get("runs")!.split(",");
  expect(ids[0]).toBe(run.id);
  const created = (await (await request.get(`/api/runs/${ids[1]}`)).json()) as CreatedRun;
  expect(created.seed).toBe(3);
  expect(created.epochs).toBe(epochs);
  await expect(page.getByRole("heading", { level: 2, name: "Settings" })).toBeVisible();
  // Only the name and the epochs differ: same seed, so the comparison shows the change, not the noise.
  await expect(page.getByText(/^2 of \d+ settings differ/)).toBeVisible();
  const seedRow = page.getByRole("row", { name: /^Seed/ });
  await expect(seedRow).not.toContainText("differs");
  const epochsRow = page.getByRole("row", { name: /^Epochs/ });
  await expect(epochsRow).toContainText("differs");
  assertNoConsoleErrors();
});

test("a run that overfits before the end proposes fewer epochs, fewer repeats or a lower LR with their step counts", async ({ page, request }) => {
  const run = await createRun(request, { name: "Thirty images, twelve epochs", images: 30, epochs: 12, seed: 3 });
  await page.goto(`/runs/${run.id}`);
  const next = page.getByRole("region", { name: "What to do next" });
  await expect(next).toContainText(`Keep epoch ${run.recommendedEpoch}`);
  await expect(next.getByRole("button", { name: new RegExp(`^Try ${run.recommendedEpoch} epochs`) })).toBeVisible();
  await expect(next).toContainText(/steps instead of 7,200/);
  await expect(next.getByRole("button", { name: /^Try \d+ repeats/ })).toBeVisible();
  await expect(next.getByRole("button", { name: /^Try LR 5e-5/ })).toBeVisible();
});

test("a pick shows at once in the status line, best versus last and the early-stopping replay", async ({ page, request }) => {
  const run = await createRun(request, { name: "Pick everywhere", images: 12, seed: 8 });
  await page.goto(`/runs/${run.id}`);
  const best = page.getByRole("region", { name: "Best versus last epoch" });
  const replay = page.getByTestId("replay-panel");
  await expect(best).toContainText("Pickednot yet");
  await expect(replay).toContainText("No epoch picked yet");

  await page.getByRole("button", { name: "Pick epoch 5", exact: true }).click();
  await expect(page.getByTestId("picked-epoch")).toHaveText("epoch 5");
  await expect(best).toContainText("Picked5");
  await expect(replay).toContainText(/Your pick(,| is) epoch 5/);
  await expect(replay).not.toContainText("No epoch picked yet");
});

test("the loss chart's validation-loss turn and the verdict badges say what each means, and agree with the checkpoints", async ({ page, request }) => {
  const run = await createRun(request, { name: "Two signals", images: 30, epochs: 12, seed: 31 });
  await page.goto(`/runs/${run.id}`);
  const firstOverfit = run.checkpoints.find((c) => c.verdict === "overfit")?.epoch;
  expect(firstOverfit).toBeDefined();
  const note = page.getByTestId("overfit-onset-note");
  await expect(note).toContainText(`it reaches Overfit at epoch ${firstOverfit}`);
  // The badge on that checkpoint says the same.
  const checkpoint = page.getByRole("listitem", { name: `Epoch ${firstOverfit}`, exact: true });
  await expect(checkpoint).toContainText("Overfit");
  const turn = Number(/validation loss turns up at epoch (\d+)/.exec((await note.textContent()) ?? "")?.[1]);
  if (turn < firstOverfit!) {
    await expect(note).toContainText("still Balanced while validation loss rises");
    await expect(page.getByRole("listitem", { name: `Epoch ${turn}`, exact: true })).toContainText("Balanced");
  }
  await expect(page.getByRole("region", { name: "Best versus last epoch" })).toContainText(`First Overfit verdict${firstOverfit}`);
});

test("the guidance fits a phone and is accessible", async ({ page, request }) => {
  test.slow();
  const run = await createRun(request, { images: 30, epochs: 12, seed: 4 });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/runs/${run.id}`);
  await expect(page.getByRole("region", { name: "What to do next" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page);
});

test("validation loss has its own zoomed axis, so its turn is visible", async ({ page, request }) => {
  const run = await createRun(request, { name: "Validation axis", images: 30, epochs: 12, seed: 31 });
  await page.goto(`/runs/${run.id}`);
  const chart = page.getByRole("img", { name: /^Loss:/ });
  await expect(chart).toContainText("Validation loss (per epoch, right axis)");
  const data = (await (await request.get(`/api/runs/${run.id}`)).json()) as { checkpoints: { validationLoss: number }[] };
  const losses = data.checkpoints.map((c) => c.validationLoss);
  const low = Math.min(...losses);
  const high = Math.max(...losses);
  // The right-hand axis's ticks (4 decimals) span about the validation loss's own range, not the training loss's.
  const ticks = (await chart.locator('[data-tick="right"]').allTextContents()).map((text) => Number(text.trim()));
  for (const tick of await chart.locator('[data-tick="right"]').allTextContents()) expect(tick.trim()).toMatch(/^\d\.\d{4}$/);
  expect(ticks.length).toBeGreaterThanOrEqual(3);
  const span = Math.max(...ticks) - Math.min(...ticks);
  expect(span).toBeLessThan((high - low) * 3);
  expect(Math.min(...ticks)).toBeLessThanOrEqual(low);
  expect(Math.max(...ticks)).toBeGreaterThanOrEqual(high);
});
