// Every page shipped so far: no serious accessibility violation, no console error, no sideways scroll on a phone.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, watchConsoleErrors } from "./support/a11y";

async function firstRun(request: import("@playwright/test").APIRequestContext): Promise<{ id: string; name: string }> {
  const { runs } = await (await request.get("/api/runs?limit=1")).json();
  return runs[0];
}

/** The compare pages, on runs of the demo set (every demo run has at least 2 epochs). */
async function comparePaths(request: import("@playwright/test").APIRequestContext) {
  const { runs } = await (await request.get("/api/runs?limit=3&sort=name&dir=asc")).json();
  const ids: string[] = runs.map((run: { id: string }) => run.id);
  return [
    { path: `/compare?runs=${ids.join(",")}`, heading: "Compare runs" },
    { path: `/compare?runs=${ids.join(",")}&metric=overfitRisk&x=step`, heading: "Compare runs" },
    { path: "/compare", heading: "Compare runs" },
    { path: `/runs/${ids[0]}/compare?epochs=2,1`, heading: `Epochs of ${runs[0].name}` },
  ];
}

/**
 * Opens a page, waits for what shows it is ready (by default the page's own h1,
 * named: a loading skeleton's title must not pass for it), then checks axe-core,
 * sideways scroll and console errors.
 */
async function checkPage(page: Page, path: string, ready: string | RegExp | ((page: Page) => Locator)) {
  const assertNoConsoleErrors = watchConsoleErrors(page);
  await page.goto(path);
  const readyLocator = typeof ready === "function" ? ready(page) : page.getByRole("heading", { level: 1, name: ready });
  await expect(readyLocator).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 }), "one page heading").toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
  await expectNoHorizontalScroll(page);
  assertNoConsoleErrors();
}

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test.describe(`${viewport.name} ${viewport.width}px`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test("runs list, a run page and the new-run form are accessible, error-free and fit the width", async ({ page, request }) => {
      // Three pages with axe each, the run page the heaviest: slow on a busy machine.
      test.slow();
      const run = await firstRun(request);
      await checkPage(page, "/", "Runs");
      await checkPage(page, `/runs/${run.id}`, run.name);
      await checkPage(page, "/runs/new", "New run");
    });

    test("compare pages are accessible, error-free and fit the width", async ({ page, request }) => {
      test.slow(); // axe-core on four compare views in one test
      for (const { path, heading } of await comparePaths(request)) {
        await checkPage(page, path, heading);
      }
    });

    test("the sample viewer, open on a run page and on compare, is accessible and fits the width", async ({ page, request }) => {
      test.slow();
      const { runs } = await (await request.get("/api/runs?limit=2&sort=name&dir=asc")).json();
      const [a, b] = runs.map((run: { id: string }) => run.id);
      for (const path of [`/runs/${a}?view=${a}:0:portrait`, `/compare?runs=${a},${b}&view=${b}:1:beach`]) {
        await checkPage(page, path, (current) => current.getByRole("dialog"));
      }
    });

    for (const [path, heading] of [
      ["/playground", "Playground"],
      ["/learn", "Learn"],
      ["/learn/best-epoch", /./],
      ["/sweep", "Sweep"],
    ] as const) {
      test(`${path} is accessible, error-free and fits the width`, async ({ page }) => {
        await checkPage(page, path, heading);
      });
    }
  });
}
