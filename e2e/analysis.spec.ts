// /analysis: parallel coordinates over stored runs and a simulated population
// (brushing by keyboard and by mouse, kept in the URL), which settings matter,
// and the epoch × LoRA-strength grid.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, watchConsoleErrors } from "./support/a11y";

const unique = () => `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

async function createRun(request: APIRequestContext, data: Record<string, string | number>) {
  const response = await request.post("/api/runs", { data });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; name: string; recommendedEpoch: number; epochs: number };
}

test("opens from the navigation and answers which settings matter, naming the method", async ({ page }) => {
  const assertNoConsoleErrors = watchConsoleErrors(page);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analysis" }).click();
  await expect(page).toHaveURL(/\/analysis$/);
  await expect(page.getByRole("heading", { level: 1, name: "Analysis" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Which settings matter at 15 images" })).toBeVisible();
  await expect(page.getByText(/Method: First-order variance share \(Sobol first-order index/)).toBeVisible();

  const importance = page.getByRole("list", { name: "Importance for best quality" });
  // Everything but the image count and the base model varies by default: twelve settings, the network, optimizer, scheduler and warm-up included, largest share first.
  await expect(importance.getByRole("listitem")).toHaveCount(12);
  for (const label of ["Learning rate", "Network rank (dim)", "Network alpha", "Optimizer", "LR scheduler", "Warm-up steps"]) await expect(importance.getByText(label, { exact: true })).toBeVisible();
  const shares = (await importance.getByRole("listitem").allTextContents()).map((text) => Number(text.match(/(\d+)%$/)![1]));
  expect(shares).toEqual([...shares].sort((a, b) => b - a));
  await expect(page.getByText(/^[A-Z][\w ()-]+ explains \d+% of the spread in best quality: (from 0\.\d\d at |highest with )/).first()).toBeVisible();
  assertNoConsoleErrors();
});

test("a kept range on the stored runs lists the runs inside it, links to them, and survives a reload", async ({ page, request }) => {
  const name = `${unique()} analysis`;
  const run = await createRun(request, { name, images: 777, repeats: 3, epochs: 6, seed: 4 });
  await page.goto("/analysis");
  await expect(page.locator('[data-interactive="true"]').first()).toBeVisible(); // the forms are React state: use them once hydrated
  const stored = page.getByRole("region", { name: "Stored runs" });
  const filter = stored.getByRole("form", { name: "Filter runs" });
  await filter.getByLabel("Axis").selectOption("images");
  await filter.getByLabel("From").fill("770");
  await filter.getByLabel("To").fill("780");
  await filter.getByRole("button", { name: "Keep range" }).click();
  await expect(page).toHaveURL(/runsBrush=images%3A770%3A780|runsBrush=images:770:780/);
  await expect(stored.getByRole("heading", { name: /^\d+ of \d+ runs match$/ })).toBeVisible();
  await expect(stored.getByRole("list", { name: "Kept ranges" })).toContainText("Images 770–780");

  await page.reload();

  await expect(page.locator('[data-interactive="true"]').first()).toBeVisible(); // the forms are React state: use them once hydrated
  const link = page.getByRole("region", { name: "Stored runs" }).getByRole("link", { name });
  await expect(link).toBeVisible();
  await expect(page.getByRole("region", { name: "Stored runs" }).getByRole("list", { name: "Kept ranges" })).toContainText("Images 770–780");
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/runs/${run.id}$`));
});

test("a bad range is explained and keeps the current filters", async ({ page }) => {
  await page.goto("/analysis");
  await expect(page.locator('[data-interactive="true"]').first()).toBeVisible(); // the forms are React state: use them once hydrated
  const filter = page.getByRole("region", { name: "Simulated population" }).getByRole("form", { name: "Filter simulated runs" });
  await filter.getByLabel("From").fill("3e-4");
  await filter.getByLabel("To").fill("1e-5");
  await filter.getByRole("button", { name: "Keep range" }).click();
  await expect(filter.getByRole("alert")).toHaveText("“From” must not be above “to”.");
  await expect(page).not.toHaveURL(/popBrush/);
});

test("dragging along a population axis keeps a range and narrows the list", async ({ page }) => {
  await page.goto("/analysis");
  await expect(page.locator('[data-interactive="true"]').first()).toBeVisible(); // the forms are React state: use them once hydrated
  const population = page.getByRole("region", { name: "Simulated population" });
  const heading = population.getByRole("heading", { name: /simulated runs match$/ });
  await expect(heading).toHaveText("600 of 600 simulated runs match");
  await expect(population.locator('[data-interactive="true"]')).toHaveCount(1);
  const axis = population.locator('[data-axis="bestQuality"]');
  await axis.scrollIntoViewIfNeeded();
  const box = (await axis.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.3, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/popBrush=bestQuality/);
  const [matching] = (await heading.textContent())!.match(/^\d+/)!.map(Number);
  expect(matching).toBeLessThan(600);
  expect(matching).toBeGreaterThan(0);
  await expect(population.getByRole("list", { name: "Kept ranges" })).toContainText("Best quality");
  await population.getByRole("button", { name: "Clear all" }).click();
  await expect(heading).toHaveText("600 of 600 simulated runs match");
  await expect(page).not.toHaveURL(/popBrush/);
});

test("the population form re-centres the population and names what varies, in the URL", async ({ page }) => {
  await page.goto("/analysis");
  await expect(page.locator('[data-interactive="true"]').first()).toBeVisible(); // the forms are React state: use them once hydrated
  // A range kept on the stored runs after the page loaded survives the new population.
  const filter = page.getByRole("region", { name: "Stored runs" }).getByRole("form", { name: "Filter runs" });
  await filter.getByLabel("Axis").selectOption("epochs");
  await filter.getByLabel("From").fill("5");
  await filter.getByLabel("To").fill("20");
  await filter.getByRole("button", { name: "Keep range" }).click();
  await expect(page).toHaveURL(/runsBrush=epochs/);
  const population = page.getByRole("region", { name: "Simulated population" });
  await population.getByLabel("Images", { exact: true }).fill("40");
  await population.getByRole("checkbox", { name: "Vary caption quality" }).uncheck();
  await population.getByRole("checkbox", { name: "Vary dataset similarity" }).uncheck();
  await population.getByLabel("Explain").selectOption("bestEpoch");
  await population.getByRole("button", { name: "Simulate population" }).click();
  await expect(page).toHaveURL(/images=40/);
  await expect(page).toHaveURL(/outcome=bestEpoch/);
  await expect(page).toHaveURL(/vary=repeats%2Cepochs%2CbatchSize%2ClearningRate%2CtextEncoderLearningRate%2CnetworkDim%2CnetworkAlpha%2Coptimizer%2ClrScheduler%2CwarmupSteps(&|#|$)/);
  await expect(page).toHaveURL(/runsBrush=epochs%3A5%3A20/);
  await expect(page.getByRole("heading", { name: "Which settings matter at 40 images" })).toBeVisible();
  const importance = page.getByRole("list", { name: "Importance for best epoch" });
  await expect(importance.getByRole("listitem")).toHaveCount(10);
  await expect(importance).not.toContainText("Caption quality");
  await page.reload();
  await expect(page.locator('[data-interactive="true"]').first()).toBeVisible(); // the forms are React state: use them once hydrated
  await expect(page.getByRole("region", { name: "Simulated population" }).getByRole("checkbox", { name: "Vary caption quality" })).not.toBeChecked();
});

test("the newer settings are axes: a choice axis is filtered by option name, and the population centres on a chosen optimizer", async ({ page }) => {
  await page.goto("/analysis?vary=optimizer,networkDim&size=300");
  await expect(page.locator('[data-interactive="true"]').first()).toBeVisible(); // the forms are React state: use them once hydrated
  const population = page.getByRole("region", { name: "Simulated population" });
  // The optimizer axis is labelled with its options.
  const chart = population.getByRole("img", { name: /Parallel coordinates of the simulated population/ });
  for (const label of ["AdamW", "Prodigy", "Lion", "Rank", "Alpha", "Scheduler", "Warm-up", "Base"]) await expect(chart.getByText(label, { exact: true }).first()).toBeAttached();
  const filter = population.getByRole("form", { name: "Filter simulated runs" });
  await filter.getByLabel("Axis").selectOption("optimizer");
  await filter.getByLabel("From").fill("Prodigy");
  await filter.getByLabel("To").fill("prodigy");
  await filter.getByRole("button", { name: "Keep range" }).click();
  await expect(page).toHaveURL(/popBrush=optimizer%3A2%3A2|popBrush=optimizer:2:2/);
  await expect(population.getByRole("list", { name: "Kept ranges" })).toContainText("Optimizer Prodigy–Prodigy");
  const heading = population.getByRole("heading", { name: /simulated runs match$/ });
  const [matching] = (await heading.textContent())!.match(/^\d+/)!.map(Number);
  expect(matching).toBeGreaterThan(20);
  expect(matching).toBeLessThan(120);
  await filter.getByLabel("From").fill("sgd");
  await filter.getByRole("button", { name: "Keep range" }).click();
  await expect(filter.getByRole("alert")).toContainText("Type two of AdamW, AdamW8bit, Prodigy, Adafactor, Lion");

  const importance = page.getByRole("list", { name: "Importance for best quality" });
  await expect(importance.getByRole("listitem")).toHaveCount(2);
  await expect(importance).toContainText("Optimizer");
  await expect(importance).toContainText("Network rank (dim)");
  await expect(page.getByText(/^Optimizer explains \d+% of the spread in best quality: highest with \w+ \(0\.\d\d\), lowest with \w+ \(0\.\d\d\)\.$/)).toBeVisible();

  await population.getByLabel("Optimizer", { exact: true }).selectOption("lion");
  await population.getByRole("checkbox", { name: "Vary optimizer" }).uncheck();
  await population.getByRole("button", { name: "Simulate population" }).click();
  await expect(page).toHaveURL(/optimizer=lion/);
  await expect(page.getByRole("list", { name: "Importance for best quality" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Simulated population" }).getByLabel("Optimizer", { exact: true })).toHaveValue("lion");
});

test("the epoch × strength grid moves by arrow keys, reads each cell, and switches to a stored run", async ({ page, request }) => {
  const name = `${unique()} grid`;
  const run = await createRun(request, { name, images: 30, epochs: 10, seed: 2 });
  await page.goto("/analysis");
  await expect(page.locator('[data-interactive="true"]').first()).toBeVisible(); // the forms are React state: use them once hydrated
  const grid = page.getByRole("region", { name: "Epoch × LoRA strength" });
  const table = grid.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(11);
  await expect(table.getByRole("columnheader")).toHaveCount(10);
  await expect(grid.getByText("Quality", { exact: true })).toBeVisible();
  await expect(table.locator('button[tabindex="0"]')).toHaveCount(1);
  const best = table.locator('button[data-best="true"]');
  await expect(best).toHaveAccessibleName(/\(best\)$/);

  await table.locator('button[tabindex="0"]').focus();
  await page.keyboard.press("Home");
  await expect(page.getByTestId("strength-readout")).toHaveText(/^Epoch \d+ at strength 0\.4: quality 0\.\d\d, fidelity 0\.\d\d, flexibility 0\.\d\d$/);
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("strength-readout")).toHaveText(/at strength 0\.5:/);

  await grid.getByLabel("Run").selectOption({ label: name });
  await grid.getByRole("button", { name: "Show grid" }).click();
  await expect(page).toHaveURL(new RegExp(`run=${run.id}`));
  const chosen = page.getByRole("region", { name: "Epoch × LoRA strength" });
  await expect(chosen.getByText(`simulated for “${name}”`)).toBeVisible();
  // 30 images at 10 epochs overfit by the end; at a lower strength the last epoch does better than at 1.0.
  await expect(chosen.getByText(/The last epoch, 10, does best at strength 0\.[4-9]/)).toBeVisible();
});

test("an unknown run and bad parameters fall back with a notice", async ({ page }) => {
  await page.goto("/analysis?run=nope&size=3&runsBrush=colour:1:2");
  await expect(page.locator('[data-interactive="true"]').first()).toBeVisible(); // the forms are React state: use them once hydrated
  const notice = page.getByRole("status").filter({ hasText: "were not valid" });
  await expect(notice).toContainText('run="nope" is not a stored run');
  await expect(notice).toContainText('size="3" was ignored');
  await expect(notice).toContainText('"colour:1:2" was ignored');
  await expect(page.getByRole("region", { name: "Epoch × LoRA strength" }).getByText("simulated for the simulated run at the chosen settings")).toBeVisible();
});

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`is accessible, error-free and fits the width at ${viewport.width}px`, async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const assertNoConsoleErrors = watchConsoleErrors(page);
    await page.goto("/analysis?popBrush=bestQuality:0.5:1");
    await expect(page.locator('[data-interactive="true"]').first()).toBeVisible(); // the forms are React state: use them once hydrated
    await expect(page.getByRole("heading", { level: 1, name: "Analysis" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `test-results/analysis-${viewport.width}.png`, fullPage: true });
    assertNoConsoleErrors();
  });
}
