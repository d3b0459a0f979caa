// The sweep as a newcomer uses it: fixing one setting to a single value, the
// best cell of each row marked, and the settings an axis overrides said so.
import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll } from "./support/a11y";

test("one setting can be fixed: epochs from 10 to 10 gives a single row, with its best cell marked", async ({ page }) => {
  await page.goto("/sweep?steps=8");
  await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1); // the controls are React state: use them once hydrated
  const vertical = page.getByRole("group", { name: "Vertical axis" });
  await expect(vertical.getByRole("combobox")).toHaveValue("epochs");
  await vertical.getByLabel("From").fill("10");
  await vertical.getByLabel("to", { exact: true }).fill("10");
  await expect(vertical.getByRole("alert")).toHaveCount(0);
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("link")).toHaveCount(8);
  await expect(table.getByRole("link", { name: /; best of the whole sweep$/ })).toHaveCount(1);
  // The URL follows the controls a moment after the last change: reload once it holds the range.
  await expect(page).toHaveURL(/[?&]yFrom=10&yTo=10(&|$)/);
  await page.reload();
  await expect(page.getByRole("table").getByRole("link")).toHaveCount(8);
});

test("every row has one best cell, and ties go to the lower final overfit risk", async ({ page }) => {
  await page.goto("/sweep?steps=6");
  await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1); // the controls are React state: use them once hydrated
  const table = page.getByRole("table");
  await expect(table.getByRole("link")).toHaveCount(36);
  await expect(table.getByRole("link", { name: /; best of (its row|the whole sweep)$/ })).toHaveCount(6);
  await expect(page.getByText(/ties going to the lower final overfit risk/)).toBeVisible();

  // Within each row, no cell shows a higher quality than the marked one, nor the same quality with a lower risk.
  const rows = table.locator("tbody tr");
  for (let r = 0; r < 6; r++) {
    const labels = await rows
      .nth(r)
      .getByRole("link")
      .evaluateAll((links) => links.map((link) => link.getAttribute("aria-label") ?? ""));
    const cells = labels.map((label) => ({
      quality: Number(/best quality (\d\.\d\d)/.exec(label)![1]),
      risk: Number(/final overfit risk (\d\.\d\d)/.exec(label)![1]),
      marked: /best of (its row|the whole sweep)$/.test(label),
    }));
    const marked = cells.filter((cell) => cell.marked);
    expect(marked).toHaveLength(1);
    for (const cell of cells) {
      expect(cell.quality).toBeLessThanOrEqual(marked[0].quality);
      if (cell.quality === marked[0].quality) expect(cell.risk).toBeGreaterThanOrEqual(marked[0].risk);
    }
  }
});

test("Other settings say which values an axis overrides", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/sweep?steps=5");
  await expect(page.locator('[data-hydrated="true"]')).toHaveCount(1); // the controls are React state: use them once hydrated
  await page.getByText("Other settings").click();
  await expect(page.getByTestId("override-note")).toContainText("Learning rate comes from the horizontal axis; Epochs comes from the vertical axis");
  await expect(page.getByText(/^Overridden: the vertical axis sets it \(\d+–\d+\), so \d+ here is not used\.$/)).toBeVisible();
  await expectNoHorizontalScroll(page);
});
