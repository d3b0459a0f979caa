// Guidance a newcomer needs: the home page says what Epoch Lab is and where to
// start, and a broken lesson link leads back to the lessons.
import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations } from "./support/a11y";

test("the home page says what Epoch Lab is, where to start, and which article it follows", async ({ page }) => {
  await page.goto("/");
  const about = page.getByRole("region", { name: "About Epoch Lab" });
  await expect(about.getByText(/^Epoch Lab simulates LoRA training runs of image models/)).toBeVisible();
  await expect(about.getByRole("link", { name: "a new run" })).toHaveAttribute("href", "/runs/new");
  await expect(about.getByRole("link", { name: "the playground" })).toHaveAttribute("href", "/playground");
  await about.getByRole("link", { name: "the first lesson" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Lesson 1 of");
  await page.goBack();
  await expect(page.getByRole("link", { name: "“LoRA training settings”" })).toHaveAttribute("href", /^https:\/\/help\.scenario\.com\//);
});

test("an unknown lesson offers the way back to the lessons", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const response = await page.goto("/learn/no-such-lesson");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "No such lesson" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "All lessons" }).click();
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByRole("heading", { level: 1, name: "Learn" })).toBeVisible();
});

test("Back closes the sample viewer before it leaves the page, and Esc then Back leaves it", async ({ page, request }) => {
  const response = await request.post("/api/runs", { data: { name: "Viewer and Back", images: 12, epochs: 5, seed: 77 } });
  expect(response.status()).toBe(201);
  const run = (await response.json()) as { id: string };
  await page.goto("/");
  await page.goto(`/runs/${run.id}`);
  await page.getByRole("link", { name: /^Epoch 2, “portrait.*view full size$/ }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/view=.*:2:forest$/);

  await page.goBack();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/runs/${run.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Viewer and Back" })).toBeVisible();

  await page.getByRole("link", { name: /^Epoch 3, “portrait.*view full size$/ }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/runs/${run.id}$`));
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "Runs" })).toBeVisible();
});
