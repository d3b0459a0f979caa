// The newcomer's walk, at desktop and phone widths: an overfitting demo run
// and a pick, a 6-image run improved from its advice, epochs 6, 8 and 10 side
// by side, settings for 40 images in the playground, a lesson, a sweep and
// the kohya export. Each stop is checked for what a reader relies on and kept
// as a full-page screenshot in test-results/walkthrough/ to look at.
import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll } from "./support/a11y";

test.describe.configure({ timeout: 240_000 });

const WIDTHS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

for (const viewport of WIDTHS) {
  test(`the seven tasks at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const shot = async (name: string) => {
      await expectNoHorizontalScroll(page);
      await page.screenshot({ path: `test-results/walkthrough/${viewport.name}-${name}.png`, fullPage: true });
    };

    // 1. An overfitting demo run, and a pick that every panel shows.
    await page.goto("/");
    await shot("1-runs");
    await page.goto(`/?q=${encodeURIComponent("Large set")}`);
    await page.getByRole("link", { name: "Large set · 40 images, 20 repeats", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Large set · 40 images, 20 repeats" })).toBeVisible();
    const recommended = Number(
      /epoch (\d+)/.exec(
        (await page
          .getByText(/^Recommended: /)
          .first()
          .textContent()) ?? "",
      )?.[1],
    );
    // Each width picks its own epoch (both walks share one database).
    const pick = viewport.name === "desktop" ? recommended : recommended - 1;
    await page.getByRole("button", { name: `Pick epoch ${pick}`, exact: true }).click();
    await expect(page.getByRole("region", { name: "Best versus last epoch" })).toContainText(`Picked${pick}`);
    await expect(page.getByTestId("replay-panel")).not.toContainText("No epoch picked yet");
    await expect(page.getByRole("region", { name: "What to do next" })).toContainText("Trained too long");
    await shot("1-overfit-run");

    // 2. A 6-image run, improved from its advice on the same seed.
    await page.goto("/runs/new");
    await page.getByRole("spinbutton", { name: "Images", exact: true }).fill("6");
    await expect(page.getByText(/the last epoch is underfit\.$/)).toBeVisible();
    await expect(page.getByText(/tends to overfit/)).toHaveCount(0);
    await page.getByLabel("Name", { exact: true }).fill(`Walk ${viewport.name}: 6 images`);
    await shot("2-new-run");
    await page.getByRole("button", { name: "Create run" }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f]{16}$/);
    const next = page.getByRole("region", { name: "What to do next" });
    await expect(next).toContainText("Still improving");
    await shot("2-six-image-run");
    await next.getByRole("button", { name: /^Try \d+ epochs/ }).click();
    await page.waitForURL(/\/compare\?runs=/);
    await expect(page.getByRole("row", { name: /^Seed/ })).not.toContainText("differs");
    await shot("2-compare-advice");

    // 3. Epochs 6, 8 and 10 of the article's run.
    await page.goto(`/?q=${encodeURIComponent("Character")}`);
    await page.getByRole("link", { name: "Character · 10 images, article defaults", exact: true }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f]{16}$/);
    await page.goto(`${new URL(page.url()).pathname}/compare?epochs=6,8,10`);
    await expect(page.getByRole("heading", { level: 2, name: "Epoch 10" })).toBeAttached();
    await expect(page.getByRole("button", { name: "Move epoch 8 left" })).toHaveText("← Move");
    await shot("3-compare-epochs");

    // 4. Settings for 40 images in the playground.
    await page.goto("/playground?images=40&repeats=12&epochs=7&learningRate=0.0002&seed=7");
    await expect(page.getByTestId("best-epoch")).toBeVisible();
    await shot("4-playground");

    // 5. A lesson.
    await page.goto("/learn/few-images");
    await page.getByText("The runs in numbers").click();
    await expect(page.getByTestId("overlap-note")).toBeVisible();
    await shot("5-lesson");

    // 6. A sweep with one setting fixed.
    await page.goto("/sweep?steps=8&y=epochs&yFrom=10&yTo=10");
    await expect(page.getByRole("table").getByRole("link")).toHaveCount(8);
    await shot("6-sweep");

    // 7. The kohya export.
    await page.goto(`/?q=${encodeURIComponent("Character")}`);
    await page.getByRole("link", { name: "Character · 10 images, article defaults", exact: true }).click();
    await page.getByText("Export for kohya sd-scripts: what the files hold").click();
    await expect(page.getByRole("region", { name: "Training config (TOML)" })).toContainText("save_every_n_epochs = 1");
    await shot("7-export");
  });
}
