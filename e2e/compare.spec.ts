// The compare pages: checkpoints of one run side by side, and several runs overlaid.
import { expect, test, type APIRequestContext } from "@playwright/test";

const unique = () => `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

async function createRun(request: APIRequestContext, data: Record<string, string | number>) {
  const response = await request.post("/api/runs", { data });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; name: string; recommendedEpoch: number; pickedEpoch: number | null; epochs: number };
}

test.describe("checkpoints of one run", () => {
  test("opens from the list with the recommended epoch marked, and picks from here", async ({ page, request }) => {
    const prefix = unique();
    const run = await createRun(request, { name: `${prefix} epochs`, images: 10, epochs: 10, seed: 5 });
    await page.goto(`/?q=${prefix}`);
    await page.getByRole("link", { name: `Epochs of ${run.name} side by side` }).click();
    await expect(page).toHaveURL(new RegExp(`/runs/${run.id}/compare\\?epochs=[\\d,]+$`));
    const epochs = new URL(page.url()).searchParams.get("epochs")!.split(",").map(Number);
    expect(epochs).toContain(run.recommendedEpoch);
    expect(epochs).toContain(10);
    await expect(page.getByRole("heading", { level: 1, name: `Epochs of ${run.name}` })).toBeVisible();

    const recommended = page.getByRole("region", { name: `Epoch ${run.recommendedEpoch}` });
    await expect(recommended.getByText("Recommended", { exact: true })).toBeVisible();
    await expect(recommended.getByRole("img")).toHaveCount(4);
    await expect(recommended.getByText("Quality", { exact: true })).toBeVisible();

    // The first column is the baseline; the others show signed differences.
    const first = page.getByRole("region", { name: `Epoch ${epochs[0]}` });
    await expect(first.getByText("Baseline")).toBeVisible();
    const last = page.getByRole("region", { name: `Epoch ${epochs[epochs.length - 1]}` });
    await expect(last.getByText(/[+−±]\d+\.\d{2}/).first()).toBeVisible();

    await recommended.getByRole("button", { name: `Pick epoch ${run.recommendedEpoch}` }).click();
    await expect(recommended.getByRole("button", { name: `Picked epoch ${run.recommendedEpoch} ✓` })).toHaveAttribute("aria-pressed", "true");
    await expect(recommended.getByText("Picked", { exact: true })).toBeVisible();
    expect((await (await request.get(`/api/runs/${run.id}`)).json()).pickedEpoch).toBe(run.recommendedEpoch);
  });

  test("moves a column with the keyboard and keeps the order in the URL", async ({ page, request }) => {
    test.slow();
    const run = await createRun(request, { name: `${unique()} keyboard`, images: 10, epochs: 10, seed: 6 });
    await page.goto(`/runs/${run.id}/compare?epochs=6,8,10`);
    const headings = page.getByRole("heading", { level: 2, name: /^Epoch \d+$/ });
    await expect(headings).toHaveText(["Epoch 6", "Epoch 8", "Epoch 10"]);

    await page.getByRole("button", { name: "Move epoch 8 right" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(page).toHaveURL(/epochs=6,10,8$/);
    await expect(headings).toHaveText(["Epoch 6", "Epoch 10", "Epoch 8"]);
    await expect(page.getByRole("button", { name: "Move epoch 8 right" })).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(/epochs=6,8,10$/);
    await expect(page.getByRole("button", { name: "Move epoch 8 right" })).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(/epochs=8,6,10$/);
    await expect(page.getByRole("region", { name: "Epoch 8" }).getByText("Baseline")).toBeVisible();

    await page.reload();
    await expect(headings).toHaveText(["Epoch 8", "Epoch 6", "Epoch 10"]);

    await page.getByLabel("Epoch shown in column 3").selectOption("2");
    await expect(page).toHaveURL(/epochs=8,6,2$/);
    await expect(headings).toHaveText(["Epoch 8", "Epoch 6", "Epoch 2"]);
  });

  test("bad epoch lists get a clear message and an unknown run is a 404", async ({ page, request }) => {
    const run = await createRun(request, { name: `${unique()} bad`, images: 10, epochs: 8, seed: 7 });
    for (const [epochs, message] of [
      ["3", "Compare 2 to 4 epochs at a time (1 given)"],
      ["3,12", "Epoch 12 does not exist: this run has epochs 1 to 8."],
      ["3,3", "Epoch 3 is listed twice"],
      ["1,2,3,4,5", "(5 given)"],
      ["two,three", "“two” is not an epoch number"],
    ]) {
      const response = await page.goto(`/runs/${run.id}/compare?epochs=${epochs}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator(".alert[role=alert]")).toContainText(message);
    }
    await page.getByRole("link", { name: "Compare the recommended, picked and last epochs" }).click();
    await expect(page.getByRole("heading", { level: 2, name: /^Epoch \d+$/ }).first()).toBeVisible();

    const missing = await page.goto("/runs/0000000000000000/compare?epochs=1,2");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});

test.describe("several runs", () => {
  test("overlays a chosen metric per epoch or per step and highlights differing settings", async ({ page, request }) => {
    const prefix = unique();
    const a = await createRun(request, { name: `${prefix} batch 1`, images: 10, epochs: 8, seed: 8 });
    const b = await createRun(request, { name: `${prefix} batch 2`, images: 10, epochs: 8, batchSize: 2, seed: 8 });
    await page.goto(`/compare?runs=${a.id},${b.id}`);
    await expect(page.getByRole("heading", { level: 2, name: "Quality by epoch" })).toBeVisible();
    await expect(page.getByRole("img", { name: /Quality of 2 runs by epoch/ })).toBeVisible();
    // The metric chart (the training-loss chart below it draws its own lines), with a ring at each run's recommended epoch.
    const metricChart = page.getByRole("img", { name: /Quality of 2 runs by epoch/ });
    await expect(metricChart.locator("[data-series]")).toHaveCount(2);
    await expect(metricChart.locator("[data-ring]")).toHaveCount(2);

    const settings = page.getByRole("table", { name: /Settings of each run/ });
    await expect(settings.getByRole("row", { name: /^Batch size differs/ })).toBeVisible();
    await expect(settings.getByRole("row", { name: /^Steps per epoch differs 200 100$/ })).toBeVisible();
    await expect(settings.getByRole("row", { name: /^Images 10 10$/ })).toBeVisible();

    await page.getByRole("navigation", { name: "Horizontal axis" }).getByRole("link", { name: "Per step" }).click();
    await expect(page).toHaveURL(/x=step/);
    await expect(page.getByRole("heading", { level: 2, name: "Quality by step" })).toBeVisible();
    await page.getByRole("navigation", { name: "Metric" }).getByRole("link", { name: "Validation loss" }).click();
    await expect(page).toHaveURL(/metric=validationLoss&x=step/);
    await page.reload();
    await expect(page.getByRole("heading", { level: 2, name: "Validation loss by step" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Metric" }).getByRole("link", { name: "Validation loss" })).toHaveAttribute("aria-current", "true");
  });

  test("explains empty, bad and partly missing selections", async ({ page, request }) => {
    await page.goto("/compare");
    await expect(page.getByRole("heading", { name: "Choose runs" })).toBeVisible();

    await page.goto("/compare?runs=onlyone");
    await expect(page.locator(".alert[role=alert]")).toContainText("Compare 2 to 6 runs at a time (1 chosen).");
    await page.goto("/compare?runs=a,b&x=time");
    await expect(page.locator(".alert[role=alert]")).toContainText("x must be epoch or step.");

    const prefix = unique();
    const a = await createRun(request, { name: `${prefix} a`, images: 8, epochs: 4 });
    const b = await createRun(request, { name: `${prefix} b`, images: 9, epochs: 4 });
    await page.goto(`/compare?runs=${a.id},0000000000000000`);
    await expect(page.locator(".alert[role=alert]")).toContainText("not found (0000000000000000)");
    await page.goto(`/compare?runs=${a.id},${b.id},0000000000000000`);
    await expect(page.getByRole("status").filter({ hasText: "Not found" })).toContainText("0000000000000000");
    await page.getByRole("link", { name: "Compare the 2 runs that remain" }).click();
    await expect(page).toHaveURL(new RegExp(`runs=${a.id},${b.id}$`));
  });

  test("the chooser on an empty compare page submits the ticked runs", async ({ page }) => {
    await page.goto("/compare");
    const boxes = page.getByRole("group", { name: "Runs to compare" }).getByRole("checkbox");
    const chosen = [await boxes.nth(1).getAttribute("value"), await boxes.nth(0).getAttribute("value")];
    await boxes.nth(1).check();
    await boxes.nth(0).check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    await expect(page).toHaveURL(/\/compare\?runs=[0-9a-f]{16},[0-9a-f]{16}$/);
    const ids = new URL(page.url()).searchParams.get("runs")!.split(",");
    expect(ids.sort()).toEqual(chosen.sort());
  });
});
