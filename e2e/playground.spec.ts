// The playground: sliders re-simulate in the browser and write the URL; a link reproduces the view; save stores a run.
import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, watchConsoleErrors } from "./support/a11y";

test("moving a slider changes the chart, the readout and the URL, and keeps the old run as a ghost", async ({ page }) => {
  const assertNoConsoleErrors = watchConsoleErrors(page);
  await page.goto("/playground");
  const readout = page.getByTestId("steps-readout");
  await expect(readout).toHaveText("10 images × 20 repeats × 10 epochs = 2,000 steps");
  const scores = page.getByRole("img", { name: /Quality, fidelity, flexibility and overfit risk/ });
  await expect(scores).toHaveAccessibleName(/each of 10 epochs/);
  await expect(scores.locator("[data-series]").first()).toBeAttached();
  await expect(page.getByText("Quality before")).toHaveCount(0);

  const epochs = page.getByRole("slider", { name: "Epochs" });
  await epochs.focus();
  await page.keyboard.press("ArrowRight");

  await expect(readout).toHaveText("10 images × 20 repeats × 11 epochs = 2,200 steps");
  await expect(epochs).toHaveAttribute("aria-valuetext", "11");
  await expect(page.getByRole("textbox", { name: "Epochs, exact value" })).toHaveValue("11");
  await expect(scores).toHaveAccessibleName(/each of 11 epochs/);
  await expect(page).toHaveURL(/[?&]epochs=11(&|$)/);
  await expect(page.getByTestId("ghost-change")).toHaveText("Faint lines: before epochs 10 → 11.");
  await expect(page.getByText("Quality before")).toBeVisible();
  // Eleven epoch dots of the current quality line are drawn.
  await expect(scores.locator('[data-dots="quality"]')).toHaveAttribute("data-points", "11");
  assertNoConsoleErrors();
});

/** The best epoch the summary shows, as a number (the "(was …)" note after it aside). */
async function bestEpochOf(page: Page): Promise<number> {
  return Number((await page.getByTestId("best-epoch").textContent())!.match(/^(\d+) of/)![1]);
}

test("typing an exact learning rate re-simulates; an invalid one is explained and ignored", async ({ page }) => {
  await page.goto("/playground");
  const bestEpoch = page.getByTestId("best-epoch");
  await expect(bestEpoch).toContainText(/^\d+ of 10/);
  const atDefault = await bestEpochOf(page);
  const lr = page.getByRole("textbox", { name: "Learning rate, exact value" });
  await lr.fill("2e-4");
  // Twice the learning rate learns faster and peaks earlier (law 6).
  await expect(page.getByTestId("ghost-change")).toContainText("learning rate 1e-4 → 2e-4");
  const atDouble = await bestEpochOf(page);
  expect(atDouble).toBeLessThan(atDefault);
  await expect(page).toHaveURL(/learningRate=0\.0002/);
  await lr.fill("0.05");
  await expect(page.getByTestId("settings-problems")).toContainText("learningRate 0.05 does not fit AdamW8bit: it must be above 0 and at most 0.01");
  await expect(lr).toHaveAttribute("aria-invalid", "true");
  await expect(bestEpoch).toContainText(`${atDouble} of 10`);
});

test("the optimizer, scheduler and base model are lists; settings that do not fit together are named and the charts keep the last valid run", async ({ page }) => {
  const assertNoConsoleErrors = watchConsoleErrors(page);
  await page.goto("/playground");
  const bestEpoch = page.getByTestId("best-epoch");
  const lr = page.getByRole("textbox", { name: "Learning rate, exact value" });
  await page.getByRole("combobox", { name: "Optimizer" }).selectOption({ label: "Prodigy" });
  await expect(lr).toHaveValue("1");
  await expect(page).toHaveURL(/optimizer=prodigy/);
  await expect(page.getByRole("slider", { name: "Learning rate" })).toHaveAccessibleDescription(/multiplier/);
  // The charts have drawn the Prodigy run once the ghost's legend names the change.
  await expect(page.getByTestId("ghost-change")).toContainText("optimizer AdamW8bit → Prodigy");
  // The numbers of the last valid run, without the "was" and delta notes that follow the ghost.
  const bestQuality = page.getByTestId("best-quality");
  const settled = { epoch: (await bestEpoch.textContent())!.match(/^\d+ of \d+/)![0], quality: (await bestQuality.textContent())!.match(/^[\d.]+/)![0] };

  await lr.fill("0.01");
  const problems = page.getByTestId("settings-problems");
  await expect(problems).toContainText("learningRate 0.01 does not fit Prodigy");
  await expect(lr).toHaveAttribute("aria-invalid", "true");
  await expect(bestEpoch).toContainText(settled.epoch);
  await expect(bestQuality).toHaveText(new RegExp(`^${settled.quality.replace(".", "\\.")}`));
  await expect(page.getByRole("button", { name: "Save as run" })).toBeDisabled();
  await lr.fill("1");
  await expect(problems).toBeEmpty();

  await page.getByRole("textbox", { name: "Warm-up steps, exact value" }).fill("5000");
  await expect(problems).toContainText("warmupSteps (5000) is longer than the run");
  await page.getByRole("textbox", { name: "Warm-up steps, exact value" }).fill("100");
  await expect(problems).toBeEmpty();

  await page.getByRole("combobox", { name: "LR scheduler" }).selectOption({ label: "cosine" });
  await page.getByRole("combobox", { name: "Base model" }).selectOption({ label: "SD 1.5" });
  await expect(page).toHaveURL(/lrScheduler=cosine/);
  await expect(page).toHaveURL(/modelFamily=sd15/);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Optimizer" })).toHaveValue("prodigy");
  await expect(page.getByRole("combobox", { name: "Base model" })).toHaveValue("sd15");
  assertNoConsoleErrors();
});

test("a link reproduces the view after a reload, and bad parameters fall back with a notice", async ({ page }) => {
  await page.goto("/playground?images=6&epochs=20&learningRate=5e-5&repeats=30&seed=7&batchRule=sqrt");
  await expect(page.getByTestId("steps-readout")).toHaveText("6 images × 30 repeats × 20 epochs = 3,600 steps");
  await expect(page.getByRole("switch", { name: "Adam √batch" })).toBeChecked();
  await page.reload();
  await expect(page.getByTestId("steps-readout")).toHaveText("6 images × 30 repeats × 20 epochs = 3,600 steps");
  await expect(page.getByRole("textbox", { name: "Seed" })).toHaveValue("7");

  await page.goto("/playground?images=0&epochs=abc");
  const notice = page.getByRole("status").filter({ hasText: "were not valid" });
  await expect(notice).toContainText('images="0" was ignored');
  await expect(notice).toContainText('epochs="abc" was ignored');
  await expect(page.getByTestId("steps-readout")).toHaveText("10 images × 20 repeats × 10 epochs = 2,000 steps");
});

test("the Adam √batch switch changes a batch-2 run and goes into the URL", async ({ page }) => {
  await page.goto("/playground?batchSize=2&learningRate=0.0002");
  await expect(page.getByTestId("best-epoch")).toContainText(/^\d+ of 10/);
  const linear = await bestEpochOf(page);
  await page.getByRole("switch", { name: "Adam √batch" }).check();
  // Under √batch, batch 2 needs only about 1.4× the LR: 2× learns faster and peaks earlier.
  await expect(page.getByTestId("ghost-change")).toContainText("linear → √batch rule");
  expect(await bestEpochOf(page)).toBeLessThan(linear);
  await expect(page).toHaveURL(/batchRule=sqrt/);
});

test("save as run asks for a name, stores the settings and confirms with a link to the run", async ({ page }) => {
  await page.goto("/playground?images=12&repeats=15&epochs=8&seed=42");
  const name = page.getByLabel("Run name");
  await expect(name).toHaveAttribute("placeholder", "12 images · 15×8 · LR 1e-4 · batch 1");
  await name.fill("Playground pick for 12 images");
  await page.getByRole("button", { name: "Save as run" }).click();
  const status = page.getByRole("status").filter({ hasText: "Saved" });
  await expect(status).toContainText("Saved “Playground pick for 12 images”.");
  await expect(page).toHaveURL(/\/playground\?/);
  await status.getByRole("link", { name: "Open the run" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f]{16}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Playground pick for 12 images");
  await expect(page.getByText("1,440 steps").first()).toBeVisible();
});

test("save as run without a name uses the settings' name", async ({ page }) => {
  await page.goto("/playground?images=12&repeats=15&epochs=8&seed=43");
  await page.getByRole("button", { name: "Save as run" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toContainText("Saved “12 images · 15×8 · LR 1e-4 · batch 1”.");
});

test("is usable on a phone in the dark theme", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/playground");
  await expect(page.getByRole("slider", { name: "Images" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page);
});
