// Comparing epochs 6, 8 and 10 as a newcomer does: the move buttons say what
// they do, every delta is the difference of the numbers on screen, and on a
// phone the columns stay side by side and scroll sideways.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoHorizontalScroll } from "./support/a11y";

async function createRun(request: APIRequestContext, data: Record<string, string | number>) {
  const response = await request.post("/api/runs", { data });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string };
}

const toNumber = (text: string) => Number(text.replace("−", "-").replace("±", "").replace(",", ""));

/** Each metric's shown value per column: { Quality: ["0.72", "0.73", …], … }. */
async function shownValues(page: Page, epochs: number[]) {
  const values: Record<string, string[]> = {};
  const deltas: Record<string, (string | null)[]> = {};
  for (const epoch of epochs) {
    const column = page.getByRole("region", { name: `Epoch ${epoch}`, exact: true });
    const rows = column.locator("dl > div");
    for (let i = 0; i < (await rows.count()); i++) {
      const label = (await rows.nth(i).locator("dt").textContent())!.trim();
      const dd = rows.nth(i).locator("dd");
      const value = (await dd.locator("span").first().textContent())!.trim();
      const delta = (await dd.locator("span").count()) > 1 ? (/([+−±][\d.,]+)/.exec((await dd.locator("span").nth(1).textContent()) ?? "")?.[1] ?? null) : null;
      (values[label] ??= []).push(value);
      (deltas[label] ??= []).push(delta);
    }
  }
  return { values, deltas };
}

test("epoch columns: move buttons are labelled as moves and each delta is the difference of the values shown", async ({ page, request }) => {
  const run = await createRun(request, { name: "Compare 6 8 10", images: 10, epochs: 10, seed: 12 });
  await page.goto(`/runs/${run.id}/compare?epochs=6,8,10`);
  const column = page.getByRole("region", { name: "Epoch 8", exact: true });
  await expect(column.getByRole("button", { name: "Move epoch 8 left" })).toHaveText("← Move");
  await expect(column.getByRole("button", { name: "Move epoch 8 right" })).toHaveText("Move →");
  await expect(column.getByRole("combobox", { name: "Epoch shown in column 2" })).toHaveValue("8");
  // The compared epochs are marked on the run's loss curve.
  const curve = page.getByRole("img", { name: /^Loss: training loss per step/ });
  await expect(curve.locator("[data-series]")).toHaveCount(2);
  for (const epoch of [6, 8, 10]) await expect(curve).toContainText(`ep. ${epoch}`);

  const { values, deltas } = await shownValues(page, [6, 8, 10]);
  expect(Object.keys(values)).toContain("Quality");
  for (const [label, shown] of Object.entries(values)) {
    for (const index of [1, 2]) {
      const delta = deltas[label][index];
      expect(delta, `${label} delta in column ${index + 1}`).not.toBeNull();
      expect(toNumber(delta!)).toBeCloseTo(toNumber(shown[index]) - toNumber(shown[0]), 6);
    }
  }
});

test("on a phone the three columns stay side by side and scroll sideways, the page does not", async ({ page, request }) => {
  const run = await createRun(request, { name: "Compare on a phone", images: 10, epochs: 10, seed: 13 });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/runs/${run.id}/compare?epochs=6,8,10`);
  const headings = page.getByRole("heading", { level: 2, name: /^Epoch \d+$/ });
  await expect(headings).toHaveCount(3);
  const tops = await Promise.all([0, 1, 2].map(async (i) => (await headings.nth(i).boundingBox())!.y));
  expect(new Set(tops.map(Math.round)).size).toBe(1);
  const scroller = page.getByRole("region", { name: /3 epochs side by side/ });
  const overflow = await scroller.evaluate((element) => element.scrollWidth - element.clientWidth);
  expect(overflow).toBeGreaterThan(0);
  await expectNoHorizontalScroll(page);
  // The strip scrolls from the keyboard: focus it and press → until the last column shows.
  await scroller.focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => scroller.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  await expect(page.getByRole("heading", { level: 2, name: "Epoch 10" })).toBeInViewport();
});
