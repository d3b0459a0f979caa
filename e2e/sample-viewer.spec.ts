// The full-size sample viewer: opened from the dashboard's grid and from the
// compare page's strips, moved by keys, mirrored in the URL, reopened on reload.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations } from "./support/a11y";
import { watchOwnConsoleErrors } from "./support/console-errors";

test.describe.configure({ timeout: 120_000 });

async function createRun(request: APIRequestContext, settings: Record<string, unknown>) {
  const response = await request.post("/api/runs", { data: settings });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; name: string; recommendedEpoch: number };
}

function viewer(page: Page) {
  return page.getByRole("dialog");
}

function caption(page: Page) {
  return viewer(page).getByTestId("viewer-caption");
}

test("the dashboard's viewer moves by prompt and epoch, closes with Esc and reopens from the URL", async ({ page, request }) => {
  test.slow();
  const run = await createRun(request, { name: "Viewer run", images: 12, epochs: 5, seed: 808 });
  const assertNoConsoleErrors = watchOwnConsoleErrors(page);
  await page.goto(`/runs/${run.id}`);
  const trigger = page.getByRole("link", { name: /^Epoch 2, “portrait.*view full size$/ });
  await trigger.click();
  await expect(viewer(page)).toBeVisible();
  await expect(viewer(page).getByRole("heading", { name: "Sample of Viewer run" })).toBeVisible();
  await expect(caption(page)).toContainText("Epoch 2 of 5");
  await expect(caption(page)).toContainText("Prompt 1 of 4");
  await expect(page).toHaveURL(new RegExp(`view=${run.id}:2:portrait$`));

  await page.keyboard.press("ArrowRight");
  await expect(caption(page)).toContainText("Prompt 2 of 4");
  await expect(page).toHaveURL(new RegExp(`view=${run.id}:2:forest$`));
  await page.keyboard.press("ArrowDown");
  await expect(caption(page)).toContainText("Epoch 3 of 5");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(caption(page)).toContainText("Untrained baseline (epoch 0)");
  await expect(viewer(page).getByRole("img")).toHaveAccessibleName(/^Untrained baseline \(epoch 0\), “/);
  await expect(page).toHaveURL(new RegExp(`view=${run.id}:0:forest$`));
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(caption(page)).toContainText("Prompt 4 of 4");
  await expectNoSeriousA11yViolations(page);

  await page.keyboard.press("Escape");
  await expect(viewer(page)).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`/runs/${run.id}$`));

  await page.goto(`/runs/${run.id}?view=${run.id}:4:city`);
  await expect(viewer(page)).toBeVisible();
  await expect(caption(page)).toContainText("Epoch 4 of 5");
  await expect(caption(page)).toContainText("Prompt 3 of 4");
  await page.reload();
  await expect(viewer(page)).toBeVisible();
  await expect(caption(page)).toContainText("Epoch 4 of 5");
  assertNoConsoleErrors();
});

test("on compare, Tab and Shift+Tab show the same prompt and epoch in the other runs", async ({ page, request }) => {
  test.slow();
  const a = await createRun(request, { name: "Viewer compare A", images: 10, epochs: 6, seed: 11 });
  const b = await createRun(request, { name: "Viewer compare B", images: 20, epochs: 6, seed: 12 });
  await page.goto(`/compare?runs=${a.id},${b.id}`);
  await page.getByRole("link", { name: new RegExp(`^Viewer compare A, epoch ${a.recommendedEpoch}, “portrait`) }).click();
  await expect(viewer(page).getByRole("heading", { name: "Sample of Viewer compare A" })).toBeVisible();
  await expect(caption(page)).toContainText("Run 1 of 2");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Tab");
  await expect(viewer(page).getByRole("heading", { name: "Sample of Viewer compare B" })).toBeVisible();
  await expect(caption(page)).toContainText("Run 2 of 2");
  await expect(caption(page)).toContainText(`Epoch ${a.recommendedEpoch} of 6`);
  await expect(caption(page)).toContainText("Prompt 2 of 4");
  await expect(page).toHaveURL(new RegExp(`runs=${a.id},${b.id}&view=${b.id}:${a.recommendedEpoch}:forest$`));
  await page.keyboard.press("Shift+Tab");
  await expect(viewer(page).getByRole("heading", { name: "Sample of Viewer compare A" })).toBeVisible();
  await page.reload();
  await expect(viewer(page).getByRole("heading", { name: "Sample of Viewer compare A" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(viewer(page)).toBeHidden();
});

test("the viewer fits a phone", async ({ page, request }) => {
  const run = await createRun(request, { images: 12, epochs: 4, seed: 5 });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/runs/${run.id}?view=${run.id}:3:beach`);
  await expect(viewer(page)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page);
});
