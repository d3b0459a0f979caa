// The runs list: search, filters, sort and pages kept in the URL; selecting
// runs to compare; delete with confirmation; clone settings.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { Settings } from "../lib/sim";

const unique = () => `b${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

type CreatedRun = Settings & { id: string };

async function createRuns(request: APIRequestContext, prefix: string, settings: Record<string, number | string>[]): Promise<CreatedRun[]> {
  const runs: CreatedRun[] = [];
  for (const [index, values] of settings.entries()) {
    const response = await request.post("/api/runs", { data: { name: `${prefix} run ${index + 1}`, seed: 100 + index, ...values } });
    expect(response.status()).toBe(201);
    runs.push(await response.json());
  }
  return runs;
}

/** Five short runs, two of them at batch 2, of 8 to 50 images: enough to filter, sort and page. */
const FIVE_RUNS = [
  { images: 8, batchSize: 1, epochs: 4 },
  { images: 30, batchSize: 2, epochs: 4 },
  { images: 12, batchSize: 1, epochs: 4 },
  { images: 50, batchSize: 2, epochs: 4 },
  { images: 20, batchSize: 1, epochs: 4 },
];

/** The names in the table's body, top to bottom. */
async function listedNames(page: Page): Promise<string[]> {
  return page.locator("tbody tr th[scope=row]").allInnerTexts();
}

test("search and filters are kept in the URL and survive a reload", async ({ page, request }) => {
  // Many steps, each a server round trip: give it the slow-test budget on a loaded machine.
  test.slow();
  const prefix = unique();
  await createRuns(request, prefix, FIVE_RUNS);
  await page.goto("/");

  await page.getByRole("searchbox", { name: "Search" }).fill(prefix);
  await expect(page).toHaveURL(new RegExp(`\\?q=${prefix}$`));
  await expect(page.locator("tbody tr")).toHaveCount(5);

  await page.getByLabel("Batch", { exact: true }).selectOption("2");
  await expect(page).toHaveURL(/batchSize=2/);
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(prefix);
  await expect(page.getByLabel("Batch", { exact: true })).toHaveValue("2");
  await expect(page.locator("tbody tr")).toHaveCount(2);

  await page.getByLabel("Images from").fill("40");
  await expect(page).toHaveURL(/imagesMin=40/);
  await expect.poll(() => listedNames(page)).toEqual([`${prefix} run 4`]);

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("");
});

test("sort by a column and page through the results, kept in the URL and surviving a reload", async ({ page, request }) => {
  // Many steps, each a server round trip: give it the slow-test budget on a loaded machine.
  test.slow();
  const prefix = unique();
  await createRuns(request, prefix, FIVE_RUNS);
  await page.goto(`/?q=${prefix}`);
  await expect(page.locator("tbody tr")).toHaveCount(5);

  // Sort by images: largest first, then reversed.
  await page.getByRole("link", { name: /^Images/ }).click();
  await expect(page).toHaveURL(new RegExp(`\\?q=${prefix}&sort=images$`));
  await expect(page.getByRole("columnheader", { name: /^Images/ })).toHaveAttribute("aria-sort", "descending");
  await expect.poll(() => listedNames(page)).toEqual([4, 2, 5, 3, 1].map((n) => `${prefix} run ${n}`));
  await page.getByRole("link", { name: /^Images/ }).click();
  await expect(page).toHaveURL(/sort=images&dir=asc/);
  await expect.poll(() => listedNames(page)).toEqual([1, 3, 5, 2, 4].map((n) => `${prefix} run ${n}`));

  // Keyset pages of two, kept in the URL.
  await page.goto(`/?q=${prefix}&sort=images&dir=asc&limit=2`);
  await expect.poll(() => listedNames(page)).toEqual([`${prefix} run 1`, `${prefix} run 3`]);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect.poll(() => listedNames(page)).toEqual([`${prefix} run 5`, `${prefix} run 2`]);
  await page.reload();
  await expect.poll(() => listedNames(page)).toEqual([`${prefix} run 5`, `${prefix} run 2`]);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect.poll(() => listedNames(page)).toEqual([`${prefix} run 4`]);
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await page.getByRole("link", { name: "First page" }).click();
  await expect.poll(() => listedNames(page)).toEqual([`${prefix} run 1`, `${prefix} run 3`]);
});

test("filters by picked and by the last epoch's verdict", async ({ page, request }) => {
  const prefix = unique();
  const [picked, unpicked] = await createRuns(request, prefix, [
    { images: 10, epochs: 5 },
    { images: 10, epochs: 5 },
  ]);
  await request.patch(`/api/runs/${picked.id}`, { data: { pickedEpoch: 3 } });
  await page.goto(`/?q=${prefix}&picked=yes`);
  await expect(page.getByLabel("Picked", { exact: true })).toHaveValue("yes");
  await expect.poll(() => listedNames(page)).toEqual([picked.name]);
  await page.getByLabel("Picked", { exact: true }).selectOption("no");
  await expect(page).toHaveURL(/picked=no/);
  await expect.poll(() => listedNames(page)).toEqual([unpicked.name]);

  const { finalVerdict } = await (await request.get(`/api/runs/${unpicked.id}`)).json();
  await page.getByLabel("Last epoch", { exact: true }).selectOption(finalVerdict);
  await expect(page).toHaveURL(new RegExp(`verdict=${finalVerdict}`));
  await expect.poll(() => listedNames(page)).toEqual([unpicked.name]);
  const other = ["underfit", "balanced", "overfit"].find((verdict) => verdict !== finalVerdict)!;
  await page.getByLabel("Last epoch", { exact: true }).selectOption(other);
  await expect(page.getByRole("heading", { name: "No runs match" })).toBeVisible();
});

test("a link with bad parameters explains what is wrong instead of failing", async ({ page }) => {
  const response = await page.goto("/?limit=0&sort=secret");
  expect(response?.status()).toBe(200);
  await expect(page.locator(".alert[role=alert]")).toContainText("limit must be a whole number from 1 to 100");
  await expect(page.locator(".alert[role=alert]")).toContainText("sort must be one of");
  await page.getByRole("link", { name: "Show all runs" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("tbody tr").first()).toBeVisible();

  await page.goto("/?cursor=not-a-cursor");
  await expect(page.locator(".alert[role=alert]")).toContainText("page position is not valid");
});

test("selecting runs in the list opens them in the compare page", async ({ page, request }) => {
  const prefix = unique();
  const runs = await createRuns(request, prefix, [
    { images: 10, epochs: 6 },
    { images: 40, epochs: 6 },
    { images: 6, epochs: 6 },
  ]);
  await page.goto(`/?q=${prefix}&sort=name&dir=asc`);
  const compare = page.getByRole("button", { name: "Compare selected" });
  await expect(compare).toHaveAttribute("aria-disabled", "true");
  await page.getByRole("checkbox", { name: `Select ${runs[0].name}` }).check();
  await expect(page.getByText("1 run selected")).toBeVisible();
  await page.getByRole("checkbox", { name: `Select ${runs[1].name}` }).check();
  await expect(page.getByText("2 runs selected.")).toBeVisible();
  await compare.click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?runs=${runs[0].id},${runs[1].id}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Compare runs" })).toBeVisible();
  await expect(page.getByRole("row", { name: /^Images differs/ })).toBeVisible();
});

test("delete asks for confirmation, can be cancelled, and refreshes the list", async ({ page, request }) => {
  const prefix = unique();
  const [run] = await createRuns(request, prefix, [{ images: 9, epochs: 3 }]);
  await page.goto(`/?q=${prefix}`);
  await expect(page.locator("tbody tr")).toHaveCount(1);

  const deleteButton = page.getByRole("button", { name: `Delete ${run.name}` });
  await deleteButton.click();
  const dialog = page.getByRole("dialog", { name: `Delete “${run.name}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  expect((await request.get(`/api/runs/${run.id}`)).status()).toBe(200);

  await deleteButton.click();
  await dialog.getByRole("button", { name: "Delete run" }).click();
  await expect(page.getByRole("heading", { name: "No runs match" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Deleted “${run.name}”.` })).toBeAttached();
  expect((await request.get(`/api/runs/${run.id}`)).status()).toBe(404);
});

test("clone opens the new-run form filled with every setting of the run, its seed and a copy's name", async ({ page, request }) => {
  const prefix = unique();
  const [run] = await createRuns(request, prefix, [
    {
      images: 14,
      repeats: 12,
      epochs: 7,
      batchSize: 2,
      learningRate: 2e-4,
      textEncoderLearningRate: 0,
      captionQuality: 0.37,
      datasetSimilarity: 0.85,
      networkDim: 16,
      networkAlpha: 4,
      optimizer: "lion",
      lrScheduler: "cosine",
      warmupSteps: 30,
      modelFamily: "sd15",
    },
  ]);
  await page.goto(`/?q=${prefix}`);
  await page.getByRole("link", { name: `Clone settings of ${run.name}` }).click();
  await expect(page).toHaveURL(/\/runs\/new\?/);

  // What the form shows, not only what the URL says.
  await expect(page.getByRole("spinbutton", { name: "Images", exact: true })).toHaveValue("14");
  await expect(page.getByLabel("Repeats")).toHaveValue("12");
  await expect(page.getByLabel("Epochs")).toHaveValue("7");
  await expect(page.getByLabel("Batch size")).toHaveValue("2");
  await expect(page.getByLabel("Learning rate", { exact: true })).toHaveValue("0.0002");
  await expect(page.getByLabel("Text-encoder LR")).toHaveValue("0");
  await expect(page.getByRole("slider", { name: "Caption quality" })).toHaveValue("0.37");
  await expect(page.getByRole("slider", { name: "Dataset similarity" })).toHaveValue("0.85");
  await expect(page.getByLabel("Network rank (dim)")).toHaveValue("16");
  await expect(page.getByLabel("Network alpha")).toHaveValue("4");
  await expect(page.getByLabel("Optimizer")).toHaveValue("lion");
  await expect(page.getByLabel("LR scheduler")).toHaveValue("cosine");
  await expect(page.getByLabel("Warm-up steps")).toHaveValue("30");
  await expect(page.getByLabel("Base model")).toHaveValue("sd15");
  await expect(page.getByLabel("Seed")).toHaveValue(String(run.seed));
  await expect(page.getByLabel("Name")).toHaveValue(`Copy of ${run.name}`);

  // Created as is, the clone reproduces the run: same settings and seed, same checkpoints.
  await page.getByRole("button", { name: "Create run" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f]{16}$/);
  await expect(page.getByRole("heading", { level: 1, name: `Copy of ${run.name}` })).toBeVisible();
  const clone = await (await request.get(`/api/runs/${new URL(page.url()).pathname.split("/").pop()}`)).json();
  const original = await (await request.get(`/api/runs/${run.id}`)).json();
  expect(clone.name).toBe(`Copy of ${run.name}`);
  expect(clone.checkpoints).toEqual(original.checkpoints);
});
