// Lessons show what they claim: the Few images lesson's numbers table and
// chart support its text with margins a reader can see.
import { expect, test, type Page } from "@playwright/test";

async function numbersTable(page: Page) {
  await page.getByText("The runs in numbers").click();
  const table = page.getByRole("table");
  const headers = (await table.getByRole("columnheader").allInnerTexts()).map((text) => text.trim());
  const rows: Record<string, Record<string, string>> = {};
  for (const row of await table.locator("tbody tr").all()) {
    const cells = (await row.getByRole("cell").allInnerTexts()).map((text) => text.trim());
    rows[cells[0]] = Object.fromEntries(headers.map((header, i) => [header, cells[i]]));
  }
  return rows;
}

const number = (text: string) => Number(text.replace(/,/g, "").split(" ")[0]);

test("Few images: the text matches the table, and the hidden 10-epoch line is explained", async ({ page }) => {
  await page.goto("/learn/few-images");
  await expect(page.getByRole("heading", { level: 1, name: "Few images need more epochs and a lower LR" })).toBeVisible();
  await expect(page.getByText(/ten epochs are not enough/)).toHaveCount(0);
  await expect(page.getByText(/after ten epochs the run is still climbing/)).toBeVisible();
  await expect(page.getByTestId("overlap-note")).toContainText("“6 images, 10 epochs, LR 1e-4” lies exactly under “6 images, 20 epochs, LR 1e-4” for its 10 epochs");

  const rows = await numbersTable(page);
  const short = rows["6 images, 10 epochs, LR 1e-4"];
  const long = rows["6 images, 20 epochs, LR 1e-4"];
  const gentle = rows["6 images, 20 epochs, 30 repeats, LR 5e-5"];
  // 10 epochs: best at the last epoch, still underfit.
  expect(short["Best epoch"]).toBe("10 of 10");
  expect(short["Last epoch"]).toBe("underfit");
  // 20 epochs at 1e-4 pass their peak and end riskier; 5e-5 peaks later and ends safer, each by a visible margin.
  expect(number(long["Best epoch"])).toBeLessThan(20);
  expect(number(long["Last overfit risk"])).toBeGreaterThan(number(short["Last overfit risk"]));
  expect(number(gentle["Best epoch"])).toBeGreaterThan(number(long["Best epoch"]));
  expect(number(long["Last overfit risk"])).toBeGreaterThan(number(gentle["Last overfit risk"]));

  // Hiding the 20-epoch run uncovers the 10-epoch line, and the note goes.
  await page.getByRole("checkbox", { name: "6 images, 20 epochs, LR 1e-4" }).uncheck();
  await expect(page.getByTestId("overlap-note")).toHaveCount(0);
});
