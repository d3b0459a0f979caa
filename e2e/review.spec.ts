// Blind review by keyboard: a name once, vote with ← / → / ↓ and digits for
// loser tags, votes survive a reload, ratings appear, and the top-rated
// checkpoint becomes the pick; tags on the run page filter the runs list.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, watchConsoleErrors } from "./support/a11y";

const unique = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

async function createRun(request: APIRequestContext, name: string) {
  const response = await request.post("/api/runs", { data: { name, images: 10, epochs: 4, seed: 11 } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; recommendedEpoch: number };
}

test("a reviewer votes by keyboard, the votes survive a reload, and the top-rated checkpoint becomes the pick", async ({ page, request }) => {
  test.setTimeout(90_000);
  const assertNoConsoleErrors = watchConsoleErrors(page);
  const run = await createRun(request, `review ${unique()}`);
  await page.goto(`/runs/${run.id}`);
  await expect(page.getByText("(0 votes so far)")).toBeVisible();
  await page.getByRole("link", { name: "Blind review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Blind review" })).toBeVisible();

  await page.getByLabel("Your name").fill("Ana");
  await page.getByLabel("Your name").press("Enter");
  const comparison = page.getByRole("region", { name: "Which would you keep?" });
  await expect(comparison.getByText("Reviewing as Ana · 0 votes cast")).toBeVisible();
  await expect(comparison.getByText("Before training")).toBeVisible();
  await expect(comparison.getByRole("button", { name: /^A is better/ })).toBeVisible();
  await expect(comparison.getByRole("button", { name: /^B is better/ })).toBeVisible();
  await expect(page.getByText("No votes yet.")).toBeVisible();

  // Digit 1 tags the loser "fried", then ← prefers the left sample.
  await page.keyboard.press("1");
  await expect(comparison.getByRole("checkbox", { name: /fried/ })).toBeChecked();
  await page.keyboard.press("ArrowLeft");
  await expect(comparison.getByText("Reviewing as Ana · 1 vote cast")).toBeVisible();
  await expect(comparison.getByRole("checkbox", { name: /fried/ })).not.toBeChecked();
  await page.keyboard.press("ArrowRight");
  await expect(comparison.getByText("Reviewing as Ana · 2 votes cast")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(comparison.getByText("Reviewing as Ana · 3 votes cast")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("region", { name: "Which would you keep?" }).getByText("Reviewing as Ana · 3 votes cast")).toBeVisible();
  const ratings = page.getByRole("region", { name: "Ratings" });
  await expect(ratings.getByText("3 from 1 reviewer")).toBeVisible();
  await expect(ratings.getByRole("table")).toBeVisible();
  const top = (await ratings.getByTestId("most-preferred").textContent())!;
  expect(top).toMatch(/^Epoch \d$/);
  await expect(ratings.getByTestId("current-pick")).toHaveText("None");

  await ratings.getByRole("button", { name: "Make the top-rated checkpoint the pick" }).click();
  await expect(ratings.getByTestId("current-pick")).toHaveText(top);
  const stored = await (await request.get(`/api/runs/${run.id}`)).json();
  expect(`Epoch ${stored.pickedEpoch}`).toBe(top);
  const votes = await (await request.get(`/api/runs/${run.id}/votes`)).json();
  expect(votes.votes).toHaveLength(3);
  expect(votes.votes.filter((vote: { loserTags: string[] }) => vote.loserTags.includes("fried"))).toHaveLength(1);

  await page.goto(`/runs/${run.id}`);
  await expect(page.getByText("(3 votes so far)")).toBeVisible();
  assertNoConsoleErrors();
});

test("the review page is axe-clean and fits 390 px", async ({ page, request }) => {
  test.setTimeout(90_000);
  const run = await createRun(request, `review a11y ${unique()}`);
  await request.post(`/api/runs/${run.id}/votes`, { data: { reviewer: "ben", promptIndex: 0, a: 1, b: 2, winner: 2, loserTags: ["rigid"] } });
  await page.addInitScript(() => window.localStorage.setItem("epoch-lab:reviewer", "Ana"));
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/runs/${run.id}/review`);
    await expect(page.getByRole("region", { name: "Which would you keep?" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Ratings" }).getByText("1 from 1 reviewer")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `test-results/review-${width}.png`, fullPage: true });
  }
});

test("tags added on the run page filter the runs list", async ({ page, request }) => {
  test.setTimeout(90_000);
  const tag = `client-${unique()}`;
  const run = await createRun(request, `tagged ${unique()}`);
  await createRun(request, `untagged ${unique()}`);
  await page.goto(`/runs/${run.id}`);
  await page.getByLabel("New tag").fill(tag);
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByRole("link", { name: tag })).toBeVisible();
  await page.getByRole("link", { name: tag }).click();
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  await expect(page.getByRole("combobox", { name: "Tag" })).toHaveValue(tag);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2); // header + the tagged run
  await expect(page.getByRole("table").getByRole("link", { name: /^tagged / })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 900 });
  await expectNoHorizontalScroll(page);
});
