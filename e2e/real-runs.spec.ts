// Imported (real) runs on every page a simulated run goes: the run page's
// keyboard viewer on the trainer's images and its loss chart's smoothing and
// x axis, the comparison of its epochs, a comparison beside simulated runs,
// the runs list's filter and badge, and the playground's loss controls.
// Runs are imported through the API from the fixture script's folders.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { readImportFolder } from "../lib/import/folder";
import { encodeImportUpload, joinChunks } from "../lib/import/multipart-body";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations } from "./support/a11y";
import { watchOwnConsoleErrors } from "./support/console-errors";

test.describe.configure({ timeout: 120_000 });

let fixtures: string;

test.beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), "epoch-lab-real-runs-"));
  await promisify(execFile)("npx", ["tsx", "scripts/make-import-fixtures.ts", fixtures]);
});
test.afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

interface ImportedRun {
  id: string;
  name: string;
  epochs: number;
  recommendedEpoch: number;
  checkpoints: { epoch: number; trainLoss: number | null; validationLoss: number | null }[];
}

async function importFolder(request: APIRequestContext, folder: "kohya" | "ai-toolkit" | "tensorboard-csv", name: string): Promise<ImportedRun> {
  const upload = encodeImportUpload(await readImportFolder(join(fixtures, folder)), name);
  const response = await request.post("/api/imports", { headers: { "Content-Type": upload.contentType }, data: Buffer.from(joinChunks(upload)) });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as ImportedRun;
}

async function createRun(request: APIRequestContext, settings: Record<string, unknown>) {
  const response = await request.post("/api/runs", { data: settings });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; name: string; recommendedEpoch: number };
}

const viewer = (page: Page) => page.getByRole("dialog");
const caption = (page: Page) => viewer(page).getByTestId("viewer-caption");

/** The loss controls once their handlers run (they are client state). */
async function lossControls(scope: Page | Locator): Promise<Locator> {
  const controls = scope.locator('[data-testid="loss-chart-controls"][data-interactive="true"]');
  await expect(controls).toBeVisible();
  return controls;
}

/** No sideways scroll once the charts have followed the new width (they resize on the next frames). */
async function fitsWidth(page: Page) {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectNoHorizontalScroll(page);
}

async function looksRight(page: Page, name: string) {
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `test-results/real-runs/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await fitsWidth(page);
  await page.screenshot({ path: `test-results/real-runs/${name}-390.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("an imported run's samples open in the keyboard viewer, and its loss chart keeps smoothing and x axis in the URL", async ({ page, request }) => {
  const run = await importFolder(request, "kohya", unique("Real viewer"));
  const assertNoConsoleErrors = watchOwnConsoleErrors(page);
  await page.goto(`/runs/${run.id}`);

  const trigger = page.getByRole("link", { name: /^Epoch 2, “a photo of sksdog.*view full size$/ });
  await trigger.click();
  await expect(viewer(page)).toBeVisible();
  await expect(viewer(page).getByRole("heading", { name: `Sample of ${run.name}` })).toBeVisible();
  await expect(caption(page)).toContainText("Epoch 2 of 4");
  await expect(caption(page)).toContainText("Prompt 1 of 2: “a photo of sksdog sitting on a red sofa");
  await expect(page).toHaveURL(new RegExp(`view=${run.id}:2:p0$`));
  // The trainer's own image at full size, served by its hash.
  const image = viewer(page).getByTestId("viewer-image");
  await expect(image).toHaveAttribute("src", /^\/api\/images\/[0-9a-f]{64}$/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  await page.keyboard.press("ArrowDown");
  await expect(caption(page)).toContainText("Epoch 3 of 4");
  await page.keyboard.press("ArrowRight");
  await expect(caption(page)).toContainText("Prompt 2 of 2: “sksdog running on a beach");
  await expect(page).toHaveURL(new RegExp(`view=${run.id}:3:p1$`));
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowUp");
  await expect(caption(page)).toContainText("Before training");
  await expect(page).toHaveURL(new RegExp(`view=${run.id}:0:p1$`));
  await expect(viewer(page).getByRole("button", { name: "↑ Earlier epoch" })).toBeDisabled();
  await page.keyboard.press("ArrowRight");
  await expect(caption(page)).toContainText("Prompt 1 of 2");
  await expectNoSeriousA11yViolations(page);

  await page.keyboard.press("Escape");
  await expect(viewer(page)).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`/runs/${run.id}$`));

  // Back closes the viewer before it leaves the page.
  await page.getByRole("link", { name: /^Epoch 4, “sksdog running.*view full size$/ }).click();
  await expect(caption(page)).toContainText("Epoch 4 of 4");
  await page.goBack();
  await expect(viewer(page)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/runs/${run.id}$`));

  // A shared link opens the viewer where it points.
  await page.goto(`/runs/${run.id}?view=${run.id}:1:p1`);
  await expect(caption(page)).toContainText("Epoch 1 of 4");
  await expect(caption(page)).toContainText("Prompt 2 of 2");
  await page.keyboard.press("Escape");
  await expect(viewer(page)).toBeHidden();

  // Smoothing and x axis, in the URL, surviving a reload.
  const chart = page.getByTestId("imported-loss-chart");
  const controls = await lossControls(chart);
  await expect(controls.getByLabel("X axis").locator("option")).toHaveText(["Steps", "Epochs", "Images seen"]);
  await controls.getByLabel("Smoothing").focus();
  await page.keyboard.press("End");
  await expect(page).toHaveURL(/smoothing=0\.99/);
  await controls.getByLabel("X axis").selectOption("images");
  await expect(page).toHaveURL(/x=images/);
  await expect(chart).toHaveAttribute("data-x-axis", "images");
  await expect(chart.getByRole("img").first()).toHaveAccessibleName(/by images seen.*smoothed with weight 0\.99/);
  await page.reload();
  const reloaded = await lossControls(page.getByTestId("imported-loss-chart"));
  await expect(reloaded.getByLabel("Smoothing")).toHaveValue("0.99");
  await expect(reloaded.getByLabel("X axis")).toHaveValue("images");
  await page.getByTestId("imported-loss-chart").getByRole("img").first().scrollIntoViewIfNeeded();
  await expect(page.getByTestId("imported-loss-chart").locator("[data-series]").first()).toBeAttached();

  await looksRight(page, "imported-run");
  assertNoConsoleErrors();
});

test("a run whose files do not give its dataset size offers no images-seen axis", async ({ page, request }) => {
  const run = await importFolder(request, "ai-toolkit", unique("Real ai-toolkit"));
  await page.goto(`/runs/${run.id}?x=images`);
  const controls = await lossControls(page.getByTestId("imported-loss-chart"));
  await expect(controls.getByLabel("X axis").locator("option")).toHaveText(["Steps", "Epochs"]);
  await expect(controls.getByLabel("X axis")).toHaveValue("steps");
});

test("compares an imported run's epochs with its real samples, before training included, and says what was not measured", async ({ page, request }) => {
  const run = await importFolder(request, "kohya", unique("Real epochs"));
  const assertNoConsoleErrors = watchOwnConsoleErrors(page);
  await page.goto(`/runs/${run.id}`);
  await page.goto(`/runs/${run.id}/compare`);
  await expect(page).toHaveURL(/\/compare\?epochs=0,\d,\d$/);
  await expect(page.getByRole("heading", { level: 1, name: `Epochs of ${run.name}` })).toBeVisible();

  const before = page.getByRole("region", { name: "Before training" });
  await expect(before.getByText("Baseline")).toBeVisible();
  await expect(before.getByRole("img")).toHaveCount(2);
  await expect(before.getByRole("img").first()).toHaveAccessibleName(/^Before training: a photo of sksdog/);
  await expect(before.locator('[data-metric="trainLoss"]')).toContainText("not measured");
  await expect(before.getByText(/nothing to pick/)).toBeVisible();

  // Choose the columns: epoch 1 as the baseline, then epochs 3 and 4.
  await page.goto(`/runs/${run.id}/compare?epochs=1,3,4`);
  const epoch4 = page.getByRole("region", { name: "Epoch 4" });
  await expect(epoch4.getByRole("img")).toHaveCount(2);
  await expect(epoch4.locator('[data-metric="validationLoss"]')).toContainText("0.1130");
  await expect(epoch4.locator('[data-metric="trainLoss"]')).toContainText("0.0930");
  await expect(epoch4.locator('[data-metric="trainLoss"]')).toContainText(/[−+]0\.\d+/);
  for (const metric of ["quality", "fidelity", "flexibility", "captionAdherence", "overfitRisk"]) {
    await expect(epoch4.locator(`[data-metric="${metric}"]`)).toContainText("not measured");
  }
  await page.getByLabel("Epoch shown in column 1").selectOption("Before training");
  await expect(page).toHaveURL(/epochs=0,3,4$/);
  await expect(page.getByRole("region", { name: "Before training" })).toBeVisible();

  // The viewer moves through every epoch the trainer sampled.
  await page.getByRole("link", { name: /^Epoch 3, “sksdog running.*view full size$/ }).click();
  await expect(caption(page)).toContainText("Epoch 3 of 4");
  await expect(caption(page)).toContainText("Prompt 2 of 2");
  await page.keyboard.press("ArrowUp");
  await expect(caption(page)).toContainText("Epoch 2 of 4");
  await expect(page).toHaveURL(new RegExp(`epochs=0,3,4&view=${run.id}:2:p1$`));
  await page.keyboard.press("Escape");
  await expect(viewer(page)).toBeHidden();

  const epoch3 = page.getByRole("region", { name: "Epoch 3" });
  await epoch3.getByRole("button", { name: "Pick epoch 3" }).click();
  await expect(epoch3.getByRole("button", { name: "Picked epoch 3 ✓" })).toHaveAttribute("aria-pressed", "true");
  await expect(epoch3.getByText("Picked", { exact: true })).toBeVisible();

  await looksRight(page, "imported-epochs");

  await page.goto(`/runs/${run.id}/compare?epochs=2,9`);
  await expect(page.locator(".alert[role=alert]")).toContainText("The trainer saved nothing for epoch 9");
  assertNoConsoleErrors();
});

test("compares real runs beside a simulated one: measured curves labelled, unmeasured scores said, settings the files lacked marked", async ({ page, request }) => {
  const simulated = await createRun(request, { name: unique("Simulated beside"), images: 10, epochs: 6, seed: 77 });
  const kohya = await importFolder(request, "kohya", unique("Real kohya"));
  const aiToolkit = await importFolder(request, "ai-toolkit", unique("Real ai-toolkit"));
  const csv = await importFolder(request, "tensorboard-csv", unique("Real csv"));
  const assertNoConsoleErrors = watchOwnConsoleErrors(page);
  const ids = `${kohya.id},${aiToolkit.id},${simulated.id}`;

  // No 500 whatever the metric, the axis or the mix (a real run without samples too).
  for (const query of [`runs=${ids}&metric=fidelity&x=step`, `runs=${kohya.id},${csv.id}`, `runs=${csv.id},${simulated.id}&metric=validationLoss`]) {
    const response = await page.goto(`/compare?${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByRole("heading", { level: 2, name: "Training loss" })).toBeVisible();
  }

  await page.goto(`/compare?runs=${ids}`);
  await expect(page.getByRole("heading", { level: 2, name: "Quality by epoch" })).toBeVisible();
  await expect(page.getByTestId("not-measured-note")).toContainText(`Quality was not measured for ${kohya.name}, ${aiToolkit.name}`);
  const kohyaRow = page.getByTestId("compared-run").filter({ hasText: kohya.name });
  await expect(kohyaRow.getByText("Imported")).toBeVisible();
  await expect(kohyaRow.getByText("not measured")).toHaveCount(3);
  await expect(page.getByTestId("compared-run").filter({ hasText: simulated.name }).getByText("not measured")).toHaveCount(0);

  const settings = page.getByRole("table", { name: /Settings of each run/ });
  await expect(settings.getByRole("row", { name: /^Source differs Imported from kohya sd-scripts Imported from ai-toolkit Simulated$/ })).toBeVisible();
  await expect(settings.getByRole("row", { name: /^Images differs 10 not recorded 10$/ })).toBeVisible();
  await expect(settings.getByRole("row", { name: /^Steps per epoch differs 200 250 / })).toBeVisible();

  // Validation loss: the real runs' measured curves beside the simulated one, labelled apart.
  await page.getByRole("navigation", { name: "Metric" }).getByRole("link", { name: "Validation loss" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Validation loss by epoch" })).toBeVisible();
  await expect(page.getByTestId("not-measured-note")).toHaveCount(0);
  await page.getByRole("img", { name: /Validation loss of 3 runs/ }).scrollIntoViewIfNeeded();
  const legend = page.getByRole("img", { name: /Validation loss of 3 runs/ }).locator("[data-chart-legend]");
  await expect(legend).toContainText(`${kohya.name} (measured)`);
  await expect(legend).toContainText(`${simulated.name} (simulated)`);
  await expect(kohyaRow.getByRole("cell", { name: "0.1130" })).toBeVisible();

  // The training-loss overlay: smoothing and its own x axis in the URL, beside the metric chart's `x`.
  const lossChart = page.getByTestId("runs-loss-chart");
  const controls = await lossControls(lossChart);
  await expect(controls.getByLabel("X axis").locator("option")).toHaveText(["Steps", "Epochs"]);
  await controls.getByLabel("X axis").selectOption("epochs");
  await expect(page).toHaveURL(/lossX=epochs/);
  await controls.getByLabel("Smoothing").focus();
  await page.keyboard.press("End");
  await expect(page).toHaveURL(/smoothing=0\.99/);
  await expect(page).toHaveURL(/metric=validationLoss/);
  await lossChart.getByRole("img").first().scrollIntoViewIfNeeded();
  await expect(lossChart.locator("[data-chart-legend]")).toContainText(`${aiToolkit.name} (measured)`);
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: "Validation loss by epoch" })).toBeVisible();
  const reloaded = await lossControls(page.getByTestId("runs-loss-chart"));
  await expect(reloaded.getByLabel("X axis")).toHaveValue("epochs");
  await expect(reloaded.getByLabel("Smoothing")).toHaveValue("0.99");

  // Samples: the trainer's images of the real runs, the simulator's of the other; Tab moves across them.
  const strip = page.getByTestId("sample-strip").filter({ hasText: kohya.name });
  await expect(strip.getByText("Real", { exact: true })).toBeVisible();
  await strip.getByRole("link", { name: /“a photo of sksdog.*view full size$/ }).click();
  await expect(caption(page)).toContainText("Real sample");
  await expect(caption(page)).toContainText("Run 1 of 3");
  await page.keyboard.press("Tab");
  await expect(caption(page)).toContainText("Run 2 of 3");
  await expect(viewer(page).getByRole("heading", { name: `Sample of ${aiToolkit.name}` })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(caption(page)).toContainText("Run 3 of 3");
  await expect(viewer(page).getByTestId("viewer-image")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(viewer(page)).toBeHidden();

  await looksRight(page, "compare-mixed");
  assertNoConsoleErrors();
});

test("the runs list filters real and simulated runs and badges the imported ones, in the table and in cards", async ({ page, request }) => {
  const prefix = unique("Listed");
  const real = await importFolder(request, "kohya", `${prefix} real`);
  const simulated = await createRun(request, { name: `${prefix} simulated`, images: 10, epochs: 4, seed: 5 });
  await page.goto(`/?q=${encodeURIComponent(prefix)}`);
  await expect(page.locator("tbody tr")).toHaveCount(2);
  const realRow = page.locator("tbody tr").filter({ hasText: real.name });
  await expect(realRow.getByText("Imported", { exact: true })).toBeVisible();
  await expect(page.locator("tbody tr").filter({ hasText: simulated.name }).getByText("Imported", { exact: true })).toHaveCount(0);
  // The verdict and scores of an imported run come from the simulator, not from its files: they say so.
  await expect(realRow.locator('[data-col="verdict"]')).toContainText("(predicted)");
  await expect(realRow.locator('[data-col="quality"]')).toContainText("(predicted)");
  await expect(page.locator("tbody tr").filter({ hasText: simulated.name })).not.toContainText("predicted");

  await page.getByRole("combobox", { name: "Runs", exact: true }).selectOption("imported");
  await expect(page).toHaveURL(/source=imported/);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr")).toContainText(real.name);
  await page.getByRole("combobox", { name: "Runs", exact: true }).selectOption("simulated");
  await expect(page).toHaveURL(/source=simulated/);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr")).toContainText(simulated.name);

  // Cards below 900 px: the same filter, the same badge.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/?q=${encodeURIComponent(prefix)}&source=imported`);
  const cards = page.getByTestId("run-card");
  await expect(cards).toHaveCount(1);
  await expect(cards.getByText("Imported", { exact: true })).toBeVisible();
  await expect(cards).toContainText("(predicted)");
  await expect(page.getByRole("combobox", { name: "Runs", exact: true })).toHaveValue("imported");
  await page.goto(`/?q=${encodeURIComponent(prefix)}`);
  await expect(cards).toHaveCount(2);
  await expect(cards.filter({ hasText: simulated.name }).getByText("Imported", { exact: true })).toHaveCount(0);
  await fitsWidth(page);
  await page.screenshot({ path: "test-results/real-runs/runs-list-390.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);

  // A card's Epochs link opens the imported run's comparison on epochs it has.
  await cards
    .filter({ hasText: real.name })
    .getByRole("link", { name: /Epochs/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/runs/${real.id}/compare\\?epochs=0,`));
});

test("the playground's loss chart keeps its smoothing and x axis in the URL beside the settings", async ({ page }) => {
  await page.goto("/playground");
  const controls = await lossControls(page);
  await expect(controls.getByLabel("Smoothing")).toHaveValue("0.92");
  await controls.getByLabel("X axis").selectOption("epochs");
  await expect(page).toHaveURL(/x=epochs/);
  await controls.getByLabel("Smoothing").focus();
  await page.keyboard.press("Home");
  await expect(page).toHaveURL(/smoothing=0(&|$)/);
  await expect(page).toHaveURL(/images=\d+/);
  await page.reload();
  const reloaded = await lossControls(page);
  await expect(reloaded.getByLabel("X axis")).toHaveValue("epochs");
  await expect(reloaded.getByLabel("Smoothing")).toHaveValue("0");
  await expect(page.getByRole("img", { name: /smoothed with weight 0\.00.*by epoch/ })).toBeVisible();
});
