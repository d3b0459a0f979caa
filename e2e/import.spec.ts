// Importing a trainer's folder from the browser: choose the folder, read what
// was found, import it, and land on the run with its measured losses and samples.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, watchConsoleErrors } from "./support/a11y";

let fixtures: string;

test.beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), "epoch-lab-import-page-"));
  await promisify(execFile)("npx", ["tsx", "scripts/make-import-fixtures.ts", fixtures]);
});
test.afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

test("a kohya folder chosen on /runs/import is shown, imported and opened as a run", async ({ page }) => {
  const consoleErrors = watchConsoleErrors(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Import a training folder" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a training folder" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Choose a folder").setInputFiles(join(fixtures, "kohya"));
  const found = page.getByRole("region", { name: /Found in kohya/ });
  await expect(found.getByText("kohya sd-scripts")).toBeVisible();
  await expect(found.getByText(/with samples before training/)).toBeVisible();
  await page.screenshot({ path: "test-results/import-page-1280.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Import this run" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f]{16}$/);
  await expect(page.getByRole("heading", { name: "Measured and predicted loss" })).toBeVisible();
  await expect(page.getByText("Imported", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Before training" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Epoch 1: / }).first()).toBeVisible();
  await expect(page.getByText(/compare the shapes, not the values/)).toBeVisible();
  await page.screenshot({ path: "test-results/imported-run-1280.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: "test-results/imported-run-390.png", fullPage: true });

  await page.goto("/?source=imported");
  await expect(page.getByRole("cell", { name: /Imported/ }).first()).toBeVisible();
  consoleErrors();
});

test("a folder without a LoRA file is named as the problem and cannot be imported", async ({ page }) => {
  await page.goto("/runs/import");
  await page.getByLabel("Choose a folder").setInputFiles(join(fixtures, "ai-toolkit"));
  await expect(page.getByRole("button", { name: "Import this run" })).toBeEnabled();
  // A folder without a LoRA file: the import is refused before anything is sent.
  await page.getByLabel("Choose a folder").setInputFiles(join(fixtures, "kohya", "sample"));
  await expect(page.getByRole("alert")).toContainText("No LoRA file");
  await expect(page.getByRole("button", { name: "Import this run" })).toBeDisabled();
});
