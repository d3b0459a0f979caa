// The run dashboard: one checkpoint per epoch, charts drawn, picks that save
// (or roll back with a message), editable name and notes, sample grid, and
// exports that download and parse.
import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations } from "./support/a11y";
import { watchOwnConsoleErrors } from "./support/console-errors";

// Whole user journeys on a shared, busy machine: more time than the default per test.
test.describe.configure({ timeout: 120_000 });

async function createRun(request: APIRequestContext, settings: Record<string, unknown>) {
  const response = await request.post("/api/runs", { data: settings });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; recommendedEpoch: number; seed: number; checkpoints: { epoch: number; quality: number; verdict: string }[] };
}

async function download(page: Page, linkName: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

test("shows every checkpoint, both charts, the sample grid and the recommended epoch", async ({ page, request }) => {
  const run = await createRun(request, { name: "Dashboard overview", images: 15, epochs: 8, seed: 4242 });
  const assertNoConsoleErrors = watchOwnConsoleErrors(page);
  await page.goto(`/runs/${run.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard overview" })).toBeVisible();
  await expect(page.getByRole("paragraph").filter({ hasText: /^Steps: 15 images × 20 repeats ÷ batch 1 = 300 steps\/epoch × 8 epochs = 2,400 steps$/ })).toBeVisible();
  await expect(page.getByTestId("checkpoint")).toHaveCount(8);
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: `Epoch ${run.recommendedEpoch}` })
      .getByText("Recommended"),
  ).toBeVisible();
  // The charts come drawn from the server: both losses, the four scores and the shaded zones.
  await expect(page.getByRole("img", { name: /^Loss:/ }).locator("[data-series]")).toHaveCount(2);
  await expect(page.getByRole("img", { name: /^Scores per epoch/ }).locator("[data-series]")).toHaveCount(4);
  await expect(page.getByRole("img", { name: /^Scores per epoch/ }).locator("[data-zone]")).not.toHaveCount(0);

  // 4 prompts × (the untrained baseline + 8 epochs) of sample previews, each described.
  const samples = page.getByRole("region", { name: /^Sample previews, prompts by epoch/ }).getByRole("img");
  await expect(samples).toHaveCount(36);
  await expect(samples.first()).toHaveAccessibleName(/^Untrained baseline \(epoch 0\), “portrait, smiling/);
  await expect(samples.nth(1)).toHaveAccessibleName(/^Epoch 1, “portrait, smiling/);

  await page.getByText("Data table of the charts").click();
  await expect(page.getByRole("table", { name: "Every checkpoint's numbers, as charted" }).getByRole("row")).toHaveCount(9);
  assertNoConsoleErrors();
});

/**
 * Brings the mouse over a chart's plot, a third of the way across, until its
 * interactive drawing takes over: from outside again on each try, since a
 * pointer that arrived before the page hydrated is not seen until it re-enters.
 */
async function pointAt(page: Page, chart: Locator) {
  await chart.scrollIntoViewIfNeeded();
  await expect(async () => {
    const box = (await chart.boundingBox())!;
    await page.mouse.move(1, 1);
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3, { steps: 2 });
    await expect(chart).toHaveAttribute("data-drawing", "interactive", { timeout: 2_000 });
  }).toPass();
}

test("a chart comes drawn from the server and shows each epoch's values under the pointer", async ({ page, request }) => {
  const run = await createRun(request, { name: "Chart under the pointer", images: 15, epochs: 8, seed: 77 });
  const assertNoConsoleErrors = watchOwnConsoleErrors(page);
  await page.goto(`/runs/${run.id}`);
  const scores = page.getByRole("img", { name: /^Scores per epoch/ });
  await expect(scores).toHaveAttribute("data-drawing", "static");
  await expect(scores.locator("[data-chart-legend]")).toContainText("Quality");
  await pointAt(page, scores);
  await expect(scores.locator(".recharts-line")).toHaveCount(4);
  // The tooltip reads out the epoch under the pointer (a small move, until Recharts has seen one).
  const tooltip = scores.locator(".recharts-tooltip-wrapper");
  await expect(async () => {
    const box = (await scores.boundingBox())!;
    await page.mouse.move(box.x + box.width / 3 + 4, box.y + box.height / 3);
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
    await expect(tooltip).toContainText(/Epoch \d/, { timeout: 2_000 });
  }).toPass();
  await expect(tooltip).toContainText(/Quality : 0\.\d\d/);
  // Away from the chart, the still drawing is back.
  await page.mouse.move(1, 1);
  await expect(scores).toHaveAttribute("data-drawing", "static");
  await expect(scores.locator("[data-series]")).toHaveCount(4);
  assertNoConsoleErrors();
});

test('an underfit checkpoint within a hair of the best quality reads "Still improving"; the API\'s verdict stays', async ({ page, request }) => {
  // Few images at 10 epochs: under-trained, quality still climbing at the end (law 3).
  const run = await createRun(request, { images: 5, epochs: 10, seed: 1 });
  const best = run.checkpoints[run.recommendedEpoch - 1].quality;
  const nearBest = run.checkpoints.filter((c) => c.verdict === "underfit" && c.quality >= best * 0.99);
  const farBehind = run.checkpoints.filter((c) => c.verdict === "underfit" && c.quality < best * 0.99);
  expect(nearBest.length, "this run has an underfit checkpoint near its best").toBeGreaterThan(0);
  await page.goto(`/runs/${run.id}`);
  const checkpoints = page.getByRole("list", { name: "Checkpoints" });
  for (const c of nearBest)
    await expect(
      checkpoints
        .getByRole("listitem")
        .filter({ has: page.getByRole("heading", { name: `Epoch ${c.epoch}`, exact: true }) })
        .getByText("Still improving"),
    ).toBeVisible();
  for (const c of farBehind)
    await expect(
      checkpoints
        .getByRole("listitem")
        .filter({ has: page.getByRole("heading", { name: `Epoch ${c.epoch}`, exact: true }) })
        .getByText("Underfit", { exact: true }),
    ).toBeVisible();
});

test("the same run draws the same sample previews", async ({ page, request }) => {
  const run = await createRun(request, { images: 10, epochs: 3, seed: 77 });
  await page.goto(`/runs/${run.id}`);
  const first = await page.getByRole("region", { name: /^Sample previews, prompts by epoch/ }).innerHTML();
  await page.reload();
  expect(await page.getByRole("region", { name: /^Sample previews, prompts by epoch/ }).innerHTML()).toBe(first);
});

test("a pick can be made and undone by keyboard, and persists", async ({ page, request }) => {
  const run = await createRun(request, { images: 10, epochs: 6, seed: 5 });
  await page.goto(`/runs/${run.id}`);
  await expect(page.getByTestId("picked-epoch")).toHaveText("none yet");
  await page.getByRole("button", { name: "Pick epoch 5" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("picked-epoch")).toHaveText("epoch 5");
  await expect.poll(async () => (await (await request.get(`/api/runs/${run.id}`)).json()).pickedEpoch).toBe(5);

  await page.reload();
  await page.getByRole("button", { name: "Unpick epoch 5" }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("picked-epoch")).toHaveText("none yet");
  await expect.poll(async () => (await (await request.get(`/api/runs/${run.id}`)).json()).pickedEpoch).toBe(null);
});

test("a pick that fails to save rolls back and says so", async ({ page, request }) => {
  const run = await createRun(request, { images: 10, epochs: 6, seed: 6 });
  await request.patch(`/api/runs/${run.id}`, { data: { pickedEpoch: 2 } });
  await page.goto(`/runs/${run.id}`);
  await expect(page.getByTestId("picked-epoch")).toHaveText("epoch 2");

  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  // The pick is saved by a server action: a POST to the page carrying a Next-Action header.
  await page.route(`**/runs/${run.id}`, async (route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.continue();
    await held;
    await route.fulfill({ status: 500, contentType: "text/plain", body: "Internal Server Error" });
  });
  await page.getByRole("button", { name: "Pick epoch 4" }).click();
  // Shown at once, while the save is still in flight…
  await expect(page.getByTestId("picked-epoch")).toHaveText("epoch 4");
  release();
  // …then rolled back with a message.
  await expect(page.getByRole("alert").filter({ hasText: "Picking epoch 4 was not saved" })).toBeVisible();
  await expect(page.getByTestId("picked-epoch")).toHaveText("epoch 2");
  await expect(page.getByRole("button", { name: "Unpick epoch 2" })).toHaveAttribute("aria-pressed", "true");
  expect((await (await request.get(`/api/runs/${run.id}`)).json()).pickedEpoch).toBe(2);
});

test("name and notes can be edited and survive a reload; invalid names are refused by the field", async ({ page, request }) => {
  const run = await createRun(request, { name: "Before rename", images: 12, epochs: 4, seed: 9 });
  await page.goto(`/runs/${run.id}`);
  await page.getByRole("button", { name: "Edit name and notes" }).click();
  await page.getByLabel("Name", { exact: true }).fill("   ");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAccessibleDescription("name must be 1 to 100 characters");

  await page.getByLabel("Name", { exact: true }).fill("After rename");
  await page.getByLabel("Notes", { exact: true }).fill("Epoch 3 keeps the pose variety.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "After rename" })).toBeVisible();
  // The name editor's status (the replay panel's patience <output> is a status too).
  await expect(page.getByRole("status").filter({ hasText: /^Sav/ })).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "After rename" })).toBeVisible();
  await expect(page.getByText("Epoch 3 keeps the pose variety.")).toBeVisible();
  await expect(page).toHaveTitle(/^After rename/);
});

test("exports download and parse: run JSON, checkpoints CSV, kohya configs, launch script and ai-toolkit config", async ({ page, request }) => {
  const run = await createRun(request, {
    name: "Export me",
    images: 10,
    batchSize: 2,
    learningRate: 2e-4,
    textEncoderLearningRate: 0,
    seed: 31337,
    networkDim: 16,
    networkAlpha: 8,
    optimizer: "lion",
    lrScheduler: "cosine",
    warmupSteps: 50,
    modelFamily: "flux",
  });
  await request.patch(`/api/runs/${run.id}`, { data: { pickedEpoch: 7 } });
  await page.goto(`/runs/${run.id}`);

  const json = await download(page, "Run (JSON)");
  expect(json.name).toBe("export-me.run.json");
  const parsed = JSON.parse(json.text);
  expect(parsed).toMatchObject({ id: run.id, pickedEpoch: 7, totalSteps: 1000, settings: { images: 10, batchSize: 2, seed: 31337 } });
  expect(parsed.checkpoints).toHaveLength(10);

  const csv = await download(page, "Checkpoints (CSV)");
  const rows = csv.text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(","));
  expect(rows[0].slice(0, 3)).toEqual(["epoch", "step", "train_loss"]);
  expect(rows).toHaveLength(11);
  expect(rows[7][0]).toBe("7");
  expect(rows[7][rows[0].indexOf("picked")]).toBe("true");

  const dataset = parseToml((await download(page, "kohya dataset config (TOML)")).text);
  expect(dataset.general).toMatchObject({ caption_extension: ".txt" });
  expect((dataset.datasets as { subsets: unknown[] }[])[0].subsets).toEqual([{ image_dir: "./dataset/images", num_repeats: 20 }]);

  const training = parseToml((await download(page, "kohya training config (TOML)")).text);
  expect(Object.assign({}, ...Object.values(training))).toMatchObject({
    network_module: "networks.lora_flux",
    network_dim: 16,
    network_alpha: 8,
    optimizer_type: "Lion",
    lr_scheduler: "cosine",
    lr_warmup_steps: 50,
    learning_rate: 2e-4,
    network_train_unet_only: true,
    train_batch_size: 2,
    max_train_epochs: 10,
    save_every_n_epochs: 1,
    seed: 31337,
  });

  const script = await download(page, "kohya launch script (shell)");
  expect(script.text).toMatch(/^#!\/usr\/bin\/env sh/);
  expect(script.text).toContain("flux_train_network.py");
  expect(script.text).toContain("--config_file export-me.training_config.toml");

  const aiToolkit = await download(page, "ai-toolkit job config (YAML)");
  expect(aiToolkit.name).toBe("export-me.ai-toolkit.yaml");
  const job = parseYaml(aiToolkit.text);
  expect(job.job).toBe("extension");
  expect(job.config.process[0]).toMatchObject({
    type: "sd_trainer",
    network: { linear: 16, linear_alpha: 8 },
    train: { steps: 1000, lr: 2e-4, optimizer: "lion", lr_scheduler: "cosine", batch_size: 2 },
    model: { is_flux: true },
  });
});

test("a run made by an older simulator says so and re-simulates into a new run, opened beside the old one", async ({ page, request }) => {
  const run = await createRun(request, { name: `Old model ${Date.now()}`, images: 10, epochs: 6, networkDim: 16, networkAlpha: 8, seed: 4242 });
  // A run stored by simulator 1: the version column as an old row holds it, and numbers the current model would not give.
  const sqlite = new Database(process.env.E2E_DATABASE_FILE!);
  try {
    sqlite.prepare(`UPDATE "Run" SET "simulatorVersion" = 1, "bestQuality" = 0.1234 WHERE "id" = ?`).run(run.id);
  } finally {
    sqlite.close();
  }
  const assertNoConsoleErrors = watchOwnConsoleErrors(page);
  await page.goto(`/runs/${run.id}`);
  const notice = page.getByTestId("simulator-version");
  await expect(notice).toContainText("Simulated by simulator 1, an older model than the current one");
  await page.getByRole("button", { name: "Re-simulate with the current model" }).click();

  await expect(page).toHaveURL(new RegExp(`/compare\\?runs=${run.id}(%2C|,)[0-9a-f]{16}`));
  await expect(page.getByText("These runs have identical settings.")).toBeVisible();
  const newId = new URL(page.url()).searchParams.get("runs")!.split(",")[1];
  const fresh = await (await request.get(`/api/runs/${newId}`)).json();
  expect(fresh.simulatorVersion).toBeGreaterThan(1);
  expect(fresh).toMatchObject({ seed: 4242, networkDim: 16, networkAlpha: 8 });
  expect((await (await request.get(`/api/runs/${run.id}`)).json()).bestQuality).toBe(0.1234);
  await page.goto(`/runs/${newId}`);
  await expect(page.getByTestId("simulator-version")).toHaveText(/^Simulated by the current model/);
  assertNoConsoleErrors();
});

test("an unknown export kind or run is a 404", async ({ request }) => {
  const run = await createRun(request, { images: 10, epochs: 2, seed: 1 });
  expect((await request.get(`/runs/${run.id}/export/zip`)).status()).toBe(404);
  expect((await request.get("/runs/0000000000000000/export/json")).status()).toBe(404);
});

for (const colorScheme of ["light", "dark"] as const) {
  for (const viewport of [
    { name: "desktop", width: 1280, height: 800 },
    { name: "phone", width: 390, height: 844 },
  ]) {
    test(`the dashboard is accessible and fits, ${colorScheme} theme, ${viewport.name}`, async ({ page, request }) => {
      const run = await createRun(request, { images: 40, seed: 1104 });
      await request.patch(`/api/runs/${run.id}`, { data: { pickedEpoch: 4 } });
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize(viewport);
      const assertNoConsoleErrors = watchOwnConsoleErrors(page);
      await page.goto(`/runs/${run.id}`);
      await expect(page.getByRole("img", { name: /^Scores per epoch/ }).locator("[data-series]")).toHaveCount(4);
      await page.getByText("Data table of the charts").click();
      await page.getByText("Export for kohya sd-scripts: what the files hold").click();
      await expectNoSeriousA11yViolations(page);
      await expectNoHorizontalScroll(page);
      assertNoConsoleErrors();
    });
  }
}
