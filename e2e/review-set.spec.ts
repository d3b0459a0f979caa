// Blind review across runs, from compare: checkpoints of different runs for the
// same prompt, votes by keyboard that survive a reload, ratings across the set
// with each run's top checkpoint picked in one click; and an imported run's
// review showing the trainer's real samples.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { readImportFolder } from "../lib/import/folder";
import { encodeImportUpload, joinChunks } from "../lib/import/multipart-body";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, watchConsoleErrors } from "./support/a11y";

const unique = () => `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

async function createRun(request: APIRequestContext, name: string, seed: number) {
  const response = await request.post("/api/runs", { data: { name, images: 10, epochs: 4, seed } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; name: string };
}

test("a compare set is reviewed blind by keyboard, votes survive a reload, and a run's top checkpoint becomes its pick", async ({ page, request }) => {
  test.setTimeout(120_000);
  const assertNoConsoleErrors = watchConsoleErrors(page);
  const first = await createRun(request, `set one ${unique()}`, 3);
  const second = await createRun(request, `set two ${unique()}`, 4);
  await page.goto(`/compare?runs=${first.id},${second.id}`);
  await page.getByRole("link", { name: "Review these runs blind" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Blind review of runs" })).toBeVisible();
  await page.getByRole("button", { name: "Start the blind review" }).click();
  await expect(page).toHaveURL(/\/review\/[A-Za-z0-9_-]+$/);
  const reviewUrl = page.url();
  await expect(page.getByRole("heading", { level: 1, name: "Blind review of 2 runs" })).toBeVisible();

  await page.getByLabel("Your name").fill("Ana");
  await page.getByLabel("Your name").press("Enter");
  const comparison = page.getByRole("region", { name: "Which would you keep?" });
  await expect(comparison.getByText("Reviewing as Ana · 0 votes cast")).toBeVisible();
  await expect(comparison.getByText("A before training")).toBeVisible();
  await expect(comparison.getByText("B before training")).toBeVisible();
  // Blind: nothing names a run or an epoch beside the samples.
  await expect(comparison).not.toContainText(first.name);
  await expect(comparison).not.toContainText(second.name);
  await expect(comparison).not.toContainText(/epoch/i);

  await page.keyboard.press("2");
  await expect(comparison.getByRole("checkbox", { name: /rigid/ })).toBeChecked();
  await page.keyboard.press("ArrowLeft");
  await expect(comparison.getByText("Reviewing as Ana · 1 vote cast")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(comparison.getByText("Reviewing as Ana · 2 votes cast")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(comparison.getByText("Reviewing as Ana · 3 votes cast")).toBeVisible();

  // Every stored vote names a checkpoint of each run.
  const setId = reviewUrl.split("/").pop()!;
  const votes = (await (await request.get(`/api/reviews/${setId}/votes`)).json()).votes as { checkpoints: { runId: string }[]; loserTags: string[] }[];
  expect(votes).toHaveLength(3);
  for (const vote of votes) expect(vote.checkpoints.map((c) => c.runId).sort()).toEqual([first.id, second.id].sort());
  expect(votes.filter((vote) => vote.loserTags.includes("rigid"))).toHaveLength(1);

  // The shared link reopens the same review, and starting it again from compare lands there too.
  await page.goto(`/review/new?runs=${second.id},${first.id}`);
  await expect(page).toHaveURL(reviewUrl);
  await page.reload();
  await expect(page.getByRole("region", { name: "Which would you keep?" }).getByText("Reviewing as Ana · 3 votes cast")).toBeVisible();
  const ratings = page.getByRole("region", { name: "Ratings" });
  await expect(ratings.getByText("3 from 1 reviewer")).toBeVisible();
  await expect(ratings.getByTestId("most-preferred")).toHaveText(new RegExp(`^(${first.name}|${second.name}), epoch \\d$`));

  const tops = (await (await request.get(`/api/reviews/${setId}/ratings`)).json()).runs as { runId: string; topEpoch: number | null }[];
  const voted = tops.find((entry) => entry.topEpoch !== null)!;
  const row = ratings.getByTestId("run-top").filter({ hasText: voted.runId === first.id ? first.name : second.name });
  await row.getByRole("button", { name: `Make epoch ${voted.topEpoch} the pick` }).click();
  await expect(row.getByTestId("run-pick")).toHaveText(`epoch ${voted.topEpoch}`);
  expect((await (await request.get(`/api/runs/${voted.runId}`)).json()).pickedEpoch).toBe(voted.topEpoch);
  assertNoConsoleErrors();
});

test("the review across runs is axe-clean and fits 390 px", async ({ page, request }) => {
  test.setTimeout(120_000);
  const first = await createRun(request, `set a11y ${unique()}`, 5);
  const second = await createRun(request, `set a11y ${unique()}`, 6);
  const started = await request.post("/api/reviews", { data: { runs: [first.id, second.id] } });
  expect(started.status()).toBe(201);
  const set = await started.json();
  await request.post(`/api/reviews/${set.id}/votes`, {
    data: { reviewer: "ben", promptIndex: 0, a: { runId: first.id, epoch: 2 }, b: { runId: second.id, epoch: 3 }, winner: { runId: second.id, epoch: 3 } },
  });
  await page.addInitScript(() => window.localStorage.setItem("epoch-lab:reviewer", "Ana"));
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of [`/review/${set.id}`, `/review/new?runs=${first.id},${second.id}`]) {
      await page.goto(path);
      await expect(page.getByRole("region", { name: "Which would you keep?" })).toBeVisible();
      await expect(page.getByRole("region", { name: "Ratings" }).getByText("1 from 1 reviewer")).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await expectNoHorizontalScroll(page);
    }
    await page.screenshot({ path: `test-results/review-set-${width}.png`, fullPage: true });
  }
});

test.describe("an imported run", () => {
  let fixtures: string;
  test.beforeAll(async () => {
    fixtures = mkdtempSync(join(tmpdir(), "epoch-lab-review-"));
    await promisify(execFile)("npx", ["tsx", "scripts/make-import-fixtures.ts", fixtures]);
  });
  test.afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

  test("has tags and a blind review of its real samples, with its before-training sample as reference", async ({ page, request }) => {
    test.setTimeout(120_000);
    const assertNoConsoleErrors = watchConsoleErrors(page);
    const files = await readImportFolder(join(fixtures, "kohya"));
    const name = `imported review ${unique()}`;
    const upload = encodeImportUpload(files, name);
    const response = await request.post("/api/imports", { headers: { "Content-Type": upload.contentType }, data: Buffer.from(joinChunks(upload)) });
    expect(response.status()).toBe(201);
    const run = await response.json();

    await page.goto(`/runs/${run.id}`);
    const tag = `real-${unique()}`;
    await page.getByLabel("New tag").fill(tag);
    await page.getByRole("button", { name: "Add tag" }).click();
    await expect(page.getByRole("link", { name: tag })).toBeVisible();
    await expect(page.getByText("(0 votes so far)")).toBeVisible();
    await page.getByRole("link", { name: "Blind review" }).click();

    await page.getByLabel("Your name").fill("Ana");
    await page.getByLabel("Your name").press("Enter");
    const comparison = page.getByRole("region", { name: "Which would you keep?" });
    const images = comparison.getByTestId("review-image");
    // A, B and the before-training reference are the trainer's own images, served by hash.
    await expect(images).toHaveCount(3);
    for (const src of await images.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("src")))) expect(src).toMatch(/^\/api\/images\/[0-9a-f]{64}\?preview=1$/);
    await expect(comparison.getByText("Before training")).toBeVisible();
    await expect(comparison.locator("svg[role=img]")).toHaveCount(0);
    await page.keyboard.press("ArrowRight");
    await expect(comparison.getByText("Reviewing as Ana · 1 vote cast")).toBeVisible();

    await page.goto(`/runs/${run.id}`);
    await expect(page.getByText("(1 vote so far)")).toBeVisible();
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(`/runs/${run.id}/review`);
    await expect(page.getByRole("region", { name: "Which would you keep?" }).getByTestId("review-image").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: "test-results/review-imported-390.png", fullPage: true });
    assertNoConsoleErrors();
  });
});
