// /runs/new as a user fills it: advice, the steps readout and warnings change as
// they type, the server's field errors show by their fields, and creating the
// run opens its dashboard, where a pick survives a reload.
import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations } from "./support/a11y";
import { watchOwnConsoleErrors } from "./support/console-errors";

// Whole user journeys on a shared, busy machine: more time than the default per test.
test.describe.configure({ timeout: 120_000 });

test("filling the form updates the readout and warnings, creating opens the dashboard, and a pick survives a reload", async ({ page }) => {
  const assertNoConsoleErrors = watchOwnConsoleErrors(page);
  await page.goto("/runs/new");
  await expect(page.getByRole("heading", { level: 1, name: "New run" })).toBeVisible();
  const readout = page.getByTestId("steps-readout");
  await expect(readout).toHaveText("Enter valid settings to count the steps.");

  await page.getByRole("spinbutton", { name: "Images", exact: true }).fill("10");
  await expect(readout).toHaveText("10 images × 20 repeats ÷ batch 1 = 200 steps/epoch × 10 epochs = 2,000 steps");
  await expect(page.getByRole("heading", { name: "The article's advice for 10 images" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Preview of scores per epoch: best at epoch \d+ of 10\./ })).toBeVisible();

  await page.getByLabel("Batch size").fill("2");
  await expect(readout).toHaveText("10 images × 20 repeats ÷ batch 2 = 100 steps/epoch × 10 epochs = 1,000 steps");
  const warning = page.getByText(/^Batch 2 at LR 1e-4 will underfit/);
  await expect(warning).toBeVisible();
  await page.getByRole("button", { name: "Use LR 2e-4" }).click();
  await expect(page.getByLabel("Learning rate", { exact: true })).toHaveValue("2e-4");
  await expect(warning).toHaveCount(0);

  await page.getByLabel("Epochs").fill("12");
  await expect(readout).toHaveText("10 images × 20 repeats ÷ batch 2 = 100 steps/epoch × 12 epochs = 1,200 steps");
  await expect(page.getByRole("img", { name: /of 12\.$/ })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("Form-made run, batch 2 at 2e-4");
  await page.getByRole("button", { name: "Create run" }).click();

  await expect(page).toHaveURL(/\/runs\/[0-9a-f]{16}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Form-made run, batch 2 at 2e-4" })).toBeVisible();
  await expect(page.getByTestId("checkpoint")).toHaveCount(12);
  await expect(page.getByRole("img", { name: /^Loss: training loss per step over 1,200 steps/ }).locator("[data-series]")).toHaveCount(2);
  await expect(page.getByRole("img", { name: /^Scores per epoch/ }).locator("[data-series]")).toHaveCount(4);

  const saved = page.waitForResponse((response) => response.request().method() === "POST" && Boolean(response.request().headers()["next-action"]) && response.ok());
  await page.getByRole("button", { name: "Pick epoch 7" }).click();
  await expect(page.getByRole("button", { name: "Unpick epoch 7" })).toHaveAttribute("aria-pressed", "true");
  await saved;
  await page.reload();
  await expect(page.getByRole("button", { name: "Unpick epoch 7" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("picked-epoch")).toHaveText("epoch 7");
  assertNoConsoleErrors();
});

test("the server's validation errors show next to their fields and nothing is created", async ({ page, request }) => {
  const before = (await (await request.get("/api/runs?limit=100")).json()).runs.length;
  await page.goto("/runs/new");
  await page.getByRole("spinbutton", { name: "Images", exact: true }).fill("0");
  await page.getByLabel("Learning rate", { exact: true }).fill("fast");
  await page.getByRole("button", { name: "Create run" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Some settings need fixing" })).toBeVisible();
  const images = page.getByRole("spinbutton", { name: "Images", exact: true });
  await expect(images).toHaveAttribute("aria-invalid", "true");
  await expect(images).toHaveAccessibleDescription(/Images must be a whole number from 1 to 1000$/);
  await expect(page.getByLabel("Learning rate", { exact: true })).toHaveAccessibleDescription(/Learning rate must be a number above 0/);
  await expect(page).toHaveURL(/\/runs\/new$/);
  expect((await (await request.get("/api/runs?limit=100")).json()).runs.length).toBe(before);

  await images.fill("10");
  await expect(images).not.toHaveAttribute("aria-invalid", "true");
});

test("with 6 images the warnings agree with the preview, and applying the article's advice sets its LR, repeats and epochs", async ({ page }) => {
  await page.goto("/runs/new");
  await page.getByRole("spinbutton", { name: "Images", exact: true }).fill("6");
  // The preview shows an underfit last epoch, so the warning does not claim an overfit: it says why the article still lowers the LR.
  await expect(page.getByText(/the last epoch is underfit\.$/)).toBeVisible();
  await expect(page.getByText(/^With only 6 images the article lowers the LR to 5e-5 .* nothing overfits yet \(the last epoch is underfit\)/)).toBeVisible();
  await expect(page.getByText(/tends to overfit/)).toHaveCount(0);
  await page.getByRole("button", { name: "Apply this advice" }).click();
  await expect(page.getByLabel("Learning rate", { exact: true })).toHaveValue("5e-5");
  await expect(page.getByLabel("Repeats")).toHaveValue("30");
  await expect(page.getByLabel("Epochs")).toHaveValue("20");
  await expect(page.getByRole("button", { name: "Advice applied" })).toBeDisabled();
  await expect(page.getByText(/tends to overfit/)).toHaveCount(0);
});

test("rank, alpha, optimizer, schedule, warm-up and base model: advice by each, cross-field errors by field, nothing stored until they fit", async ({ page, request }) => {
  const name = `Form v2 ${Date.now()}`;
  const storedNamed = async () => (await (await request.get(`/api/runs?q=${encodeURIComponent(name)}&limit=100`)).json()).runs.length;
  await page.goto("/runs/new");
  await page.getByRole("spinbutton", { name: "Images", exact: true }).fill("10");
  await page.getByLabel("Name", { exact: true }).fill(name);

  const rank = page.getByLabel("Network rank (dim)");
  await expect(rank).toHaveValue("32");
  await expect(rank).toHaveAccessibleDescription(/Rank 16–32 is where most character and style LoRAs land/);
  await expect(page.getByLabel("Network alpha")).toHaveAccessibleDescription(/Alpha = dim \/ 2 .* is the kohya habit/);

  const optimizer = page.getByRole("combobox", { name: "Optimizer" });
  await expect(optimizer).toHaveAccessibleDescription(/Prodigy finds its own step size: set the learning rate to 1/);
  await optimizer.selectOption({ label: "Prodigy" });
  const learningRate = page.getByLabel("Learning rate", { exact: true });
  await expect(learningRate).toHaveValue("1");

  await learningRate.fill("1e-4");
  await expect(learningRate).toHaveAttribute("aria-invalid", "true");
  await expect(learningRate).toHaveAccessibleDescription(/does not fit Prodigy/);
  await page.getByLabel("Epochs").fill("1");
  const warmup = page.getByLabel("Warm-up steps");
  await warmup.fill("500");
  await expect(warmup).toHaveAccessibleDescription(/Warm-up steps \(500\) is longer than the run: it must be at most the run's 200 total steps/);

  await page.getByRole("button", { name: "Create run" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some settings need fixing" })).toBeVisible();
  await expect(page).toHaveURL(/\/runs\/new$/);
  expect(await storedNamed()).toBe(0);

  await learningRate.fill("1");
  await warmup.fill("20");
  await expect(warmup).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("combobox", { name: "LR scheduler" }).selectOption({ label: "cosine" });
  await page.getByRole("combobox", { name: "Base model" }).selectOption({ label: "FLUX.1" });
  await rank.fill("16");
  await page.getByLabel("Network alpha").fill("8");
  await page.getByRole("button", { name: "Create run" }).click();

  await expect(page).toHaveURL(/\/runs\/[0-9a-f]{16}$/);
  const settings = page.getByRole("definition");
  await expect(page.getByRole("term").filter({ hasText: /^Optimizer$/ })).toBeVisible();
  await expect(settings.filter({ hasText: /^Prodigy$/ })).toBeVisible();
  await expect(settings.filter({ hasText: /^FLUX\.1$/ })).toBeVisible();
  await expect(settings.filter({ hasText: /^cosine$/ })).toBeVisible();
  await expect(page.getByTestId("simulator-version")).toHaveText(/^Simulated by the current model, simulator \d+\.$/);
  expect(await storedNamed()).toBe(1);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the form is accessible with the preview drawn, ${colorScheme} theme, phone width`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/runs/new");
    await page.getByRole("spinbutton", { name: "Images", exact: true }).fill("40");
    await expect(page.getByText(/^Very long run/)).toBeVisible();
    await expect(page.getByRole("img", { name: /^Preview of scores per epoch/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalScroll(page);
  });
}

test("error messages use the fields' labels and the first invalid field takes the focus", async ({ page }) => {
  await page.goto("/runs/new");
  await page.getByLabel("Batch size").fill("40");
  await page.getByRole("button", { name: "Create run" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some settings need fixing" })).toBeVisible();
  const images = page.getByRole("spinbutton", { name: "Images", exact: true });
  await expect(images).toHaveAccessibleDescription(/Images is required$/);
  await expect(page.getByLabel("Batch size")).toHaveAccessibleDescription(/Batch size must be a whole number from 1 to 32/);
  await expect(page.getByText(/\bimages is required|batchSize must/)).toHaveCount(0);
  await expect(images).toBeFocused();
});

test("what was typed survives a reload and coming Back", async ({ page }) => {
  await page.goto("/runs/new");
  await page.getByRole("spinbutton", { name: "Images", exact: true }).fill("14");
  await page.getByLabel("Epochs").fill("12");
  await page.getByLabel("Name", { exact: true }).fill("Draft kept across a reload");
  await expect(page.getByTestId("steps-readout")).toHaveText(/= 280 steps\/epoch × 12 epochs/);
  await page.reload();
  await expect(page.getByRole("spinbutton", { name: "Images", exact: true })).toHaveValue("14");
  await expect(page.getByLabel("Epochs")).toHaveValue("12");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Draft kept across a reload");

  await page.getByRole("link", { name: "Playground" }).first().click();
  await expect(page).toHaveURL(/\/playground/);
  await page.goBack();
  await expect(page.getByRole("spinbutton", { name: "Images", exact: true })).toHaveValue("14");
  await expect(page.getByLabel("Epochs")).toHaveValue("12");
  await expect(page.getByTestId("steps-readout")).toHaveText(/× 12 epochs = 3,360 steps/);
});
