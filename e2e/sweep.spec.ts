// Sweeps: the grid is drawn, toggles and axes go into the URL, cells work by keyboard and open the playground.
import { expect, test } from "@playwright/test";
import { watchConsoleErrors } from "./support/a11y";

test("the default sweep draws a 20 × 20 grid with a legend, and hover shows a cell's numbers", async ({ page }) => {
  const assertNoConsoleErrors = watchConsoleErrors(page);
  await page.goto("/sweep");
  await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1); // the controls are React state: use them once hydrated
  const grid = page.getByRole("table");
  await expect(grid.getByRole("link")).toHaveCount(400);
  await expect(grid.getByRole("row")).toHaveCount(21);
  await expect(page.getByText("Best quality", { exact: true }).last()).toBeVisible();

  const cell = grid.getByRole("link", { name: /^Learning rate 1e-5, epochs 10:/ });
  await cell.hover();
  await expect(page.getByTestId("sweep-readout")).toHaveText(/^Learning rate 1e-5, epochs 10: best quality 0\.\d\d at epoch \d+, final overfit risk 0\.\d\d$/);
  assertNoConsoleErrors();
});

test("the view toggle, axes and ranges go into the URL and survive a reload", async ({ page }) => {
  await page.goto("/sweep");
  await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1); // the controls are React state: use them once hydrated
  await page.getByRole("radio", { name: "Best epoch" }).check();
  await expect(page).toHaveURL(/view=bestEpoch/);

  await page.getByLabel("Horizontal axis setting").selectOption("images");
  await page.getByLabel("Vertical axis setting").selectOption("repeats");
  const vertical = page.getByRole("group", { name: "Vertical axis" });
  await vertical.getByLabel("From").fill("10");
  await vertical.getByLabel("to").fill("30");
  await expect(page).toHaveURL(/x=images&.*y=repeats&yFrom=10&yTo=30/);
  await expect(page.getByRole("heading", { name: "Repeats × Images" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("radio", { name: "Best epoch" })).toBeChecked();
  await expect(page.getByLabel("Horizontal axis setting")).toHaveValue("images");
  await expect(page.getByRole("group", { name: "Vertical axis" }).getByLabel("From")).toHaveValue("10");
  await expect(page.getByRole("table").getByRole("link", { name: /^Images 3, repeats 10:/ })).toBeVisible();
});

test("an invalid range is explained and the last good grid stays", async ({ page }) => {
  await page.goto("/sweep?steps=5");
  await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1); // the controls are React state: use them once hydrated
  await expect(page.getByRole("table").getByRole("link")).toHaveCount(25);
  const horizontal = page.getByRole("group", { name: "Horizontal axis" });
  await horizontal.getByLabel("From").fill("1e-2");
  await expect(horizontal.getByText(/“From” must not be above “to”/)).toBeVisible();
  await expect(page.getByRole("table").getByRole("link")).toHaveCount(25);
});

test("cells are reached with arrow keys and Enter opens one in the playground", async ({ page }) => {
  await page.goto("/sweep?steps=5");
  await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1); // the controls are React state: use them once hydrated
  const links = page.getByRole("table").getByRole("link");
  await expect(links).toHaveCount(25);
  // One cell is in the tab order: the top-left one (the highest epochs, the lowest LR).
  await expect(page.locator('table a[tabindex="0"]')).toHaveCount(1);
  await page.getByRole("radio", { name: "Final overfit risk" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.locator("table a:focus")).toHaveAccessibleName(/^Learning rate 1e-5, epochs 20:/);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("table a:focus")).toHaveAccessibleName(/^Learning rate 3\.2e-5, epochs 15:/);
  await expect(page.getByTestId("sweep-readout")).toHaveText(/^Learning rate 3\.2e-5, epochs 15: best quality/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/playground\?images=10&repeats=20&epochs=15&batchSize=1&learningRate=0\.000032/);
  await expect(page.getByTestId("steps-readout")).toHaveText("10 images × 20 repeats × 15 epochs = 3,000 steps");
});

test("bad parameters fall back with a notice", async ({ page }) => {
  await page.goto("/sweep?x=colour&steps=999");
  await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1); // the controls are React state: use them once hydrated
  const notice = page.getByRole("status").filter({ hasText: "were not valid" });
  await expect(notice).toContainText('x="colour" was ignored');
  await expect(notice).toContainText('steps="999" was ignored');
  await expect(page.getByRole("table").getByRole("link")).toHaveCount(400);
});

test("rank, alpha and warm-up sweep as axes, the optimizer is chosen under other settings, and cells that are not valid runs say why", async ({ page }) => {
  const assertNoConsoleErrors = watchConsoleErrors(page);
  await page.goto("/sweep?steps=5&epochs=2");
  await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1); // the controls are React state: use them once hydrated
  await page.getByLabel("Horizontal axis setting").selectOption("networkDim");
  await page.getByLabel("Vertical axis setting").selectOption("warmupSteps");
  const vertical = page.getByRole("group", { name: "Vertical axis" });
  await vertical.getByLabel("to").fill("1000");
  await expect(page).toHaveURL(/x=networkDim&.*y=warmupSteps&yFrom=0&yTo=1000/);
  await expect(page.getByRole("heading", { name: "Warm-up steps × Network rank (dim)" })).toBeVisible();

  // 10 images × 20 repeats × 2 epochs = 400 steps: warm-ups of 500 and more are not valid runs.
  const grid = page.getByRole("table");
  const invalid = grid.getByRole("link", { name: /^Network rank \(dim\) 4, warm-up steps 750: not a valid run \(warmupSteps \(750\) is longer than the run/ });
  await invalid.hover();
  await expect(page.getByTestId("sweep-readout")).toContainText("not a valid run");
  await expect(page.getByTestId("sweep-invalid-note")).toContainText("hatched cells are not valid runs");
  await expect(grid.getByRole("link", { name: /^Network rank \(dim\) 4, warm-up steps 250: best quality/ })).toBeVisible();

  await page.getByText("Other settings").click();
  await page.getByRole("combobox", { name: "Optimizer" }).selectOption({ label: "Lion" });
  await expect(page).toHaveURL(/optimizer=lion/);
  assertNoConsoleErrors();
});
