// The runs list at desktop and phone widths: verdicts and the gap beside the
// name, the name in view while scrolling, columns chosen and remembered, and
// cards instead of a table below about 900 px.
import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations } from "./support/a11y";

test("at 1,280 px the verdict and the gap sit next to the name, in view", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  const table = page.getByRole("table", { name: /Stored runs/ });
  const headers = await table.getByRole("columnheader").allInnerTexts();
  const names = headers.map((text) => text.replace(/[▲▼↕]/g, "").trim()).filter((text) => text && text !== "Compare");
  expect(names.slice(0, 3)).toEqual(["Name", "Last epoch", "Gap"]);
  await expect(table.getByRole("columnheader", { name: /^Last epoch/ })).toBeInViewport();
  await expect(table.getByRole("columnheader", { name: /^Gap/ })).toBeInViewport();
  await expect(table.getByTestId("quality-gap").first()).toBeInViewport();
  await expectNoHorizontalScroll(page);
});

test("the name stays in view while the table scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto("/");
  await page.getByText("Columns", { exact: true }).click();
  for (const label of ["Batch size", "Total steps", "Lowest val. loss epoch"]) await page.getByRole("checkbox", { name: label, exact: true }).check();
  const table = page.getByRole("table", { name: /Stored runs/ });
  const wrap = page.locator("#runs-table");
  const scrollable = await wrap.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(scrollable).toBeGreaterThan(0);
  const firstName = table.getByRole("rowheader").first();
  const before = (await firstName.boundingBox())!.x;
  await wrap.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
  await expect.poll(() => wrap.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  expect(Math.round((await firstName.boundingBox())!.x)).toBe(Math.round(before));
  await expect(firstName).toBeInViewport();
});

test("columns are chosen from the Columns menu and remembered after a reload", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  const table = page.getByRole("table", { name: /Stored runs/ });
  await expect(table.getByRole("columnheader", { name: /^Total steps/ })).toBeHidden();
  await expect(table.getByRole("columnheader", { name: /^Images/ })).toBeVisible();
  await page.getByText("Columns", { exact: true }).click();
  await page.getByRole("checkbox", { name: "Total steps", exact: true }).check();
  await page.getByRole("checkbox", { name: "Images", exact: true }).uncheck();
  await expect(table.getByRole("columnheader", { name: /^Total steps/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /^Images/ })).toBeHidden();
  await page.reload();
  await expect(table.getByRole("columnheader", { name: /^Total steps/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /^Images/ })).toBeHidden();
});

test("below 900 px each run is a card with its verdict, gap and actions", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(page.getByRole("table", { name: /Stored runs/ })).toBeHidden();
  const cards = page.getByRole("list", { name: "Runs" }).getByRole("listitem");
  await expect(cards.first()).toBeVisible();
  const first = cards.first();
  await expect(first.getByRole("heading", { level: 2 })).toBeVisible();
  await expect(first).toContainText("Last epoch");
  await expect(first).toContainText("Gap");
  await expect(first.getByRole("link", { name: /^Clone/ })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page);

  // Ticking two cards enables compare.
  await cards.nth(0).getByRole("checkbox").check();
  await cards.nth(1).getByRole("checkbox").check();
  await expect(page.getByText("2 runs selected.")).toBeVisible();
  await page.getByRole("button", { name: "Compare selected" }).click();
  await expect(page).toHaveURL(/\/compare\?runs=[^,]+,[^,]+$/);
});
