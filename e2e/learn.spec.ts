// Lessons: a question answered from the chart gets feedback; progress is remembered in the browser.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, watchConsoleErrors } from "./support/a11y";

test("answering a lesson question gives feedback and marks the lesson done", async ({ page }) => {
  const assertNoConsoleErrors = watchConsoleErrors(page);
  await page.goto("/learn");
  await expect(page.getByTestId("progress-summary")).toHaveText(/^0 of \d+ lessons done$/);
  await page.getByRole("link", { name: "A bigger batch needs a higher learning rate" }).click();
  await expect(page).toHaveURL(/\/learn\/batch-size$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A bigger batch needs a higher learning rate");
  await expect(page.getByText(/from 1e-4 to 2e-4/).first()).toBeVisible();
  await expect(page.getByRole("img", { name: /Fidelity by epoch/ })).toBeVisible();

  const question = page.getByRole("group", { name: "Which run has learned the least by its last epoch?" });
  await question.getByRole("radio", { name: "batch 1, LR 1e-4" }).check();
  await page.getByRole("button", { name: "Check answer" }).click();
  const feedback = page.getByTestId("lesson-feedback");
  await expect(feedback).toContainText("Not quite: the answer is “batch 2, LR 1e-4”");

  await question.getByRole("radio", { name: "batch 2, LR 1e-4" }).check();
  await expect(feedback).toHaveCount(0);
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(feedback).toContainText(/^Right\. At the same LR, batch 2 ends at fidelity 0\.\d\d/);

  await page.reload();
  await expect(page.getByText("Done before")).toBeVisible();
  await page.goto("/learn");
  await expect(page.getByTestId("progress-summary")).toHaveText(/^1 of \d+ lessons done$/);
  await expect(page.getByRole("listitem").filter({ hasText: "A bigger batch" }).getByText("Done")).toBeVisible();
  assertNoConsoleErrors();
});

test("the chart's metric can be changed and a run hidden, and each run opens in the playground", async ({ page }) => {
  await page.goto("/learn/captions");
  const chart = page.getByRole("img", { name: /by epoch for/ });
  await expect(chart).toHaveAccessibleName(/^Caption adherence by epoch/);
  await page.getByLabel("Show").selectOption("overfitRisk");
  await expect(chart).toHaveAccessibleName(/^Overfit risk by epoch/);
  await page.getByRole("checkbox", { name: "noisy captions, TE LR 5e-5" }).uncheck();
  await expect(chart).not.toHaveAccessibleName(/noisy captions/);

  await page.getByRole("link", { name: "Open “clean captions, text encoder frozen” in the playground" }).click();
  await expect(page).toHaveURL(/\/playground\?images=15&.*textEncoderLearningRate=0&captionQuality=0\.9/);
  await expect(page.getByRole("textbox", { name: "Text-encoder LR, exact value" })).toHaveValue("0");
});

test("an unknown lesson is a 404", async ({ page }) => {
  const response = await page.goto("/learn/no-such-lesson");
  expect(response?.status()).toBe(404);
});

test("the optimizer lesson quotes the research notes and reads its answer off the simulator", async ({ page }) => {
  const assertNoConsoleErrors = watchConsoleErrors(page);
  await page.goto("/learn/optimizers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Optimizers: each reads the learning rate differently");
  await expect(page.getByText("Epoch Lab's research notes on public LoRA runs")).toBeVisible();
  const question = page.getByRole("group", { name: "Which run overshoots: peaks earliest and lowest?" });
  await question.getByRole("radio", { name: "Lion, LR 1e-4" }).check();
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByTestId("lesson-feedback")).toContainText(/^Right\. Lion at AdamW's 1e-4 peaks at epoch \d+/);
  await page.screenshot({ path: "test-results/lesson-optimizers-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/lesson-optimizers-390.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);
  assertNoConsoleErrors();
});
