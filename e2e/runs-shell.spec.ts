// A fresh start as a new user sees it: the demo runs listed, a run's checkpoints one click away.
import { expect, test } from "@playwright/test";

test("a fresh start lists the demo runs and a run shows its checkpoints", async ({ page }) => {
  // Oldest first: other tests add runs in parallel, and the list shows 20 per page.
  await page.goto("/?dir=asc");
  await expect(page.getByRole("heading", { level: 1, name: "Runs" })).toBeVisible();
  const demo = page.getByRole("link", { name: "Character · 10 images, article defaults", exact: true });
  await expect(demo).toBeVisible();
  await expect(page.getByRole("link", { name: "Large set · 40 images, 20 repeats", exact: true })).toBeVisible();

  await demo.click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f]{16}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Character · 10 images, article defaults" })).toBeVisible();
  await expect(page.getByText("2,000 steps").first()).toBeVisible();
});

test("an unknown run shows a not-found page with a way back", async ({ page }) => {
  const response = await page.goto("/runs/0000000000000000");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to runs" }).click();
  await expect(page).toHaveURL(/\/$/);
});
