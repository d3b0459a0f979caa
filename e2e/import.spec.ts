// Importing a trainer's folder from the browser and from the CLI: a kohya
// folder, an ai-toolkit folder and TensorBoard CSV exports (written by the
// fixture script, never by the importer), each read on /runs/import, imported,
// and shown on its run page with its epochs, measured losses and samples. The
// page reads event files under the production CSP (no 'unsafe-eval').
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, watchConsoleErrors } from "./support/a11y";

const run = promisify(execFile);
let fixtures: string;

test.beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), "epoch-lab-import-page-"));
  // The fixture script, as `npm run fixtures:import` runs it.
  await run("npx", ["tsx", "scripts/make-import-fixtures.ts", fixtures]);
});
test.afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

/** Collects Content-Security-Policy violations (which are not console messages) from the page's first script on. */
async function watchCspViolations(page: Page): Promise<() => Promise<void>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`));
  });
  return async () => expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
}

/** Forgets the violations so far: zod's own probe for eval (a caught `Function("")`) runs on the runs list, not on the import page. */
async function forgetCspViolations(page: Page) {
  await page.evaluate(() => ((window as unknown as { __cspViolations: string[] }).__cspViolations.length = 0));
}

async function openImportPage(page: Page) {
  await page.goto("/runs/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import a training folder" })).toBeVisible();
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
}

/** The measured-loss table's row of an epoch (step, training, validation, predicted), as cell texts; opens the chart's data table. */
async function lossRow(page: Page, epoch: number): Promise<string[]> {
  const details = page.locator("details").filter({ has: page.locator("summary", { hasText: "Data table of the chart" }) });
  await expect(details).toBeVisible();
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  const table = details.getByRole("table", { name: /Losses per epoch/ });
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: String(epoch), exact: true }) });
  await expect(row).toBeVisible();
  return row.getByRole("cell").allInnerTexts();
}

test("a kohya folder chosen on /runs/import is shown, imported and opened as a run", async ({ page }) => {
  test.setTimeout(90_000); // three axe scans and five full-page screenshots on a busy machine
  const consoleErrors = watchConsoleErrors(page);
  const cspViolations = await watchCspViolations(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Import a training folder" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a training folder" })).toBeVisible();
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  await forgetCspViolations(page);

  await page.getByLabel("Choose a folder").setInputFiles(join(fixtures, "kohya"));
  const found = page.getByRole("region", { name: /Found in kohya/ });
  await expect(found.getByText("kohya sd-scripts")).toBeVisible();
  await expect(found.getByText("4 (epochs 1, 2, 3, 4)")).toBeVisible();
  await expect(found.getByText("10, about 2 per epoch, with samples before training")).toBeVisible();
  // The event file was read in the browser (static decoder, no eval under the CSP).
  await expect(found.getByText("log/network_train/events.out.tfevents.1761998400.trainbox.4242.0")).toBeVisible();
  await expect(page.getByText("This folder cannot be imported")).toHaveCount(0);
  // Checked before axe runs: axe-core, injected by the test, builds functions from strings itself.
  await cspViolations();
  await page.screenshot({ path: "test-results/import-page-1280.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: "test-results/import-page-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole("button", { name: "Import this run" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f]{16}$/);
  await expect(page.getByRole("heading", { name: "Measured and predicted loss" })).toBeVisible();
  await expect(page.getByText("Imported", { exact: true }).first()).toBeVisible();
  // Epochs 1-4 with the logged epoch averages (loss/epoch_average, loss/validation/epoch_average).
  expect((await lossRow(page, 1)).slice(1, 3)).toEqual(["0.1170", "0.1220"]);
  expect((await lossRow(page, 4)).slice(1, 3)).toEqual(["0.0930", "0.1130"]);
  await expect(page.getByRole("columnheader", { name: "Before training" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Epoch 1: / })).toHaveCount(2);
  await expect(page.getByRole("img", { name: /^Epoch 4: / })).toHaveCount(2);
  await expect(page.getByRole("img", { name: /^Before training: / })).toHaveCount(2);
  await expect(page.getByText(/compare the shapes, not the values/)).toBeVisible();
  await page.screenshot({ path: "test-results/imported-run-1280.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: "test-results/imported-run-390.png", fullPage: true });

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/?source=imported");
  await expect(page.getByRole("row").filter({ hasText: "sksdog" }).getByText("Imported", { exact: true }).first()).toBeVisible();
  consoleErrors();
});

test("an ai-toolkit folder imports from the page: its checkpoints by step, losses averaged from the step log, JPEG samples", async ({ page }) => {
  const consoleErrors = watchConsoleErrors(page);
  const cspViolations = await watchCspViolations(page);
  await openImportPage(page);
  await page.getByLabel("Choose a folder").setInputFiles(join(fixtures, "ai-toolkit"));
  const found = page.getByRole("region", { name: /Found in ai-toolkit/ });
  await expect(found.getByText("ai-toolkit", { exact: true })).toBeVisible();
  await expect(found.getByText("4 (epochs 1, 2, 3, 4)")).toBeVisible();
  await expect(found.getByText(/events\.out\.tfevents/)).toBeVisible();
  await cspViolations();
  await page.getByRole("button", { name: "Import this run" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f]{16}$/);
  await expect(page.getByRole("heading", { name: "Measured and predicted loss" })).toBeVisible();
  for (const epoch of [1, 4]) {
    const [step, train, validation] = await lossRow(page, epoch);
    expect(step).toBe((epoch * 250).toLocaleString("en-US"));
    expect(train).toMatch(/^0\.\d{4}$/);
    expect(validation).toBe("not logged");
  }
  await expect(page.getByRole("img", { name: /^Epoch 4: woman with red hair/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Before training: / })).toHaveCount(2);
  consoleErrors();
});

test("TensorBoard CSV exports import from the page: losses without samples", async ({ page }) => {
  const consoleErrors = watchConsoleErrors(page);
  await openImportPage(page);
  await page.getByLabel("Choose a folder").setInputFiles(join(fixtures, "tensorboard-csv"));
  const found = page.getByRole("region", { name: /Found in tensorboard-csv/ });
  await expect(found.getByText("6 (epochs 1, 2, 3, 4, 5, 6)")).toBeVisible();
  await expect(found.getByText(/run-inkstyle_sd15-tag-loss_epoch_average\.csv/)).toBeVisible();
  await page.getByRole("button", { name: "Import this run" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f]{16}$/);
  expect((await lossRow(page, 1)).slice(1, 2)).toEqual(["0.1170"]);
  // The validation export stops an epoch early: the last epoch is "not logged", not invented.
  expect((await lossRow(page, 6)).slice(1, 3)).toEqual(["0.0770", "not logged"]);
  await expect(page.getByRole("img", { name: /^Epoch \d+: / })).toHaveCount(0);
  consoleErrors();
});

test("the CLI imports the kohya folder and the CSV exports; their run pages show the epochs, losses and samples", async ({ page, baseURL }) => {
  test.setTimeout(180_000); // each CLI run compiles the script with tsx
  for (const folder of ["kohya", "tensorboard-csv"] as const) {
    const name = `cli ${folder} ${Date.now()}`;
    const { stdout } = await run("npm", ["run", "--silent", "import", "--", join(fixtures, folder), "--server", baseURL!, "--name", name]);
    expect(stdout).toMatch(/Uploaded 100%/);
    const address = stdout.match(/(\/runs\/[0-9a-f]{16})/);
    expect(address, stdout).not.toBeNull();
    await page.goto(address![1]);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    expect((await lossRow(page, 1)).slice(1, 2)).toEqual(["0.1170"]);
    if (folder === "kohya") {
      expect((await lossRow(page, 4)).slice(1, 3)).toEqual(["0.0930", "0.1130"]);
      await expect(page.getByRole("img", { name: /^Epoch 4: / })).toHaveCount(2);
    } else {
      await expect(page.getByRole("row")).not.toHaveCount(0);
      expect((await lossRow(page, 6)).slice(1, 2)).toEqual(["0.0770"]);
    }
  }
});

test("a folder without a LoRA file is named as the problem and cannot be imported", async ({ page }) => {
  await openImportPage(page);
  await page.getByLabel("Choose a folder").setInputFiles(join(fixtures, "ai-toolkit"));
  await expect(page.getByRole("button", { name: "Import this run" })).toBeEnabled();
  // A folder without a LoRA file: the import is refused before anything is sent.
  await page.getByLabel("Choose a folder").setInputFiles(join(fixtures, "kohya", "model", "sample"));
  await expect(page.getByRole("alert").filter({ hasText: "This folder cannot be imported" })).toContainText("No LoRA file");
  await expect(page.getByRole("button", { name: "Import this run" })).toBeDisabled();
});
