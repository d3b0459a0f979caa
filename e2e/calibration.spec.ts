// Calibrating the simulator to a team's own runs, end to end on a server of
// its own (the team's imported runs are counted, so no other spec may add
// any): kohya folders imported through the API, their best epochs picked
// through PATCH /api/runs/{id}; with two picked runs every page explains what
// is needed, with four the playground, the new-run form and the sweep offer
// the "calibrated to your 4 real runs" switch and show both predictions, and
// a real run's page sets the prediction beside the pick.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { encodeImportUpload, joinChunks } from "../lib/import/multipart-body";
import { PLAYGROUND_DEFAULTS } from "../lib/playground";
import { simulate } from "../lib/sim";
import { kohyaFolder } from "../scripts/make-import-fixtures";
import { startServer, type TestServer } from "./support/server";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations, watchConsoleErrors } from "./support/a11y";

test.describe.configure({ mode: "serial" });
// Starting a server of its own (and, on a busy machine, importing four folders) takes a while.
test.setTimeout(240_000);

// A port of its own: votes.spec uses 3250 + n, health.spec 3270 + n, crash.spec 3280 + n, write-lock.spec 3290 + n.
const PORT = 3240 + (Number(process.env.E2E_PORT ?? 3210) % 10);
let server: TestServer;

test.beforeAll(async () => {
  server = await startServer({ port: PORT, readyTimeoutMs: 240_000 });
});
test.afterAll(async () => {
  await server?.stop();
});

/** Imports a kohya folder of `epochs` epochs through POST /api/imports and picks `picked` through PATCH; returns the run's id. */
async function importAndPick(request: APIRequestContext, epochs: number, picked: number): Promise<string> {
  const files = kohyaFolder({ epochs, prompts: 1 }).map((file) => ({ path: file.path, bytes: file.bytes, size: file.bytes.length }));
  const upload = encodeImportUpload(files, `calibration ${epochs} epochs`);
  const created = await request.post(`${server.url}/api/imports`, { headers: { "Content-Type": upload.contentType }, data: Buffer.from(joinChunks(upload)) });
  expect(created.status(), await created.text()).toBe(201);
  const run = await created.json();
  expect(run).toMatchObject({ source: "imported", epochs });
  const patched = await request.patch(`${server.url}/api/runs/${run.id}`, { data: { pickedEpoch: picked } });
  expect(patched.status(), await patched.text()).toBe(200);
  expect((await patched.json()).pickedEpoch).toBe(picked);
  return run.id;
}

async function checkLayout(page: Page, name: string) {
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `test-results/calibration-${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `test-results/calibration-${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const picks: [epochs: number, picked: number][] = [
  [6, 4],
  [8, 5],
  [10, 6],
  [12, 7],
];
const runIds: string[] = [];

test("with fewer than three picked real runs, every page says what is needed instead of a switch", async ({ page, request }) => {
  const consoleErrors = watchConsoleErrors(page);
  for (const [epochs, picked] of picks.slice(0, 2)) runIds.push(await importAndPick(request, epochs, picked));

  const answer = await request.get(`${server.url}/api/calibration`);
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({ ok: false, runs: 2, needed: 3, imported: 2, picked: 2 });
  const refused = await request.get(`${server.url}/api/calibration?speed=2`);
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.fields).toEqual({ speed: "unknown parameter" });

  for (const path of ["/playground", "/runs/new", "/sweep"]) {
    await page.goto(`${server.url}${path}`);
    const needs = page.getByTestId("calibration-needs");
    await expect(needs).toContainText("needs at least 3 real runs with a picked best epoch; your team has imported 2 real runs and picked the best epoch of 2.");
    await expect(needs).toContainText("Import 1 more real run and pick its best epoch.");
    await expect(page.getByRole("switch", { name: /Calibrated to your/ })).toHaveCount(0);
  }
  await checkLayout(page, "needs-sweep");
  consoleErrors();
});

test("with four picked real runs, the playground, the new-run form and the sweep show both predictions", async ({ page, request }) => {
  const consoleErrors = watchConsoleErrors(page);
  for (const [epochs, picked] of picks.slice(2)) runIds.push(await importAndPick(request, epochs, picked));

  const fit = await (await request.get(`${server.url}/api/calibration`)).json();
  expect(fit).toMatchObject({ ok: true, runs: 4, imported: 4, picked: 4, interval: { level: 0.95 } });
  // The team picked earlier epochs than the model predicts: its runs learn faster.
  expect(fit.learningSpeed).toBeGreaterThan(1);
  expect(fit.interval.low).toBeLessThan(fit.learningSpeed);
  expect(fit.interval.high).toBeGreaterThan(fit.learningSpeed);
  expect(fit.perRun.map((run: { pickedEpoch: number }) => run.pickedEpoch).sort()).toEqual([4, 5, 6, 7]);
  const expected = (settings: Parameters<typeof simulate>[0]) => ({
    default: simulate(settings, { lossCurve: false }).recommendedEpoch,
    calibrated: simulate(settings, { lossCurve: false, learningSpeed: fit.learningSpeed }).recommendedEpoch,
  });

  // The playground: off by default, then both predictions for the settings on screen.
  await page.goto(`${server.url}/playground`);
  await expect(page.getByTestId("calibration-switch")).toHaveAttribute("data-hydrated", "true");
  const toggle = page.getByRole("switch", { name: "Calibrated to your 4 real runs" });
  await expect(toggle).not.toBeChecked();
  await expect(page.getByTestId("calibrated-epoch")).toHaveCount(0);
  await toggle.check();
  const playground = expected(PLAYGROUND_DEFAULTS);
  expect(playground.calibrated).toBeLessThan(playground.default);
  await expect(page.getByTestId("calibration-default-epoch")).toHaveText(String(playground.default));
  await expect(page.getByTestId("calibrated-epoch")).toContainText(String(playground.calibrated));
  await expect(page.getByTestId("calibration-summary")).toContainText(
    `The default model predicts the best checkpoint at epoch ${playground.default}; calibrated to your 4 real runs, epoch ${playground.calibrated}`,
  );
  await expect(page.getByRole("img", { name: /Quality per epoch, default model against calibrated/ })).toBeVisible();
  await checkLayout(page, "playground");

  // The new-run form: the same panel for the settings typed.
  await page.goto(`${server.url}/runs/new`);
  await expect(page.getByTestId("calibration-switch")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("spinbutton", { name: "Images", exact: true }).fill("10");
  await page.getByRole("switch", { name: "Calibrated to your 4 real runs" }).check();
  const form = expected({ images: 10, seed: 1 });
  await expect(page.getByTestId("calibration-default-epoch")).toHaveText(String(form.default));
  await expect(page.getByTestId("calibrated-epoch")).toContainText(String(form.calibrated));
  await checkLayout(page, "new-run");

  // The sweep: the best cell both ways, and the map follows the switch.
  await page.goto(`${server.url}/sweep`);
  await expect(page.getByTestId("calibration-switch")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("switch", { name: "Calibrated to your 4 real runs" }).check();
  await expect(page.getByTestId("sweep-best-default")).toContainText(/Best cell, default model: .*quality \d\.\d\d at epoch \d+/);
  await expect(page.getByTestId("sweep-best-calibrated")).toContainText(/Best cell, calibrated to your 4 real runs: .*quality \d\.\d\d at epoch \d+/);
  await expect(page.getByText("The map shows the calibrated prediction.")).toBeVisible();
  await checkLayout(page, "sweep");
  consoleErrors();
});

test("a real run's page sets the prediction beside the pick, scaled honestly, with the calibration from the team's other runs", async ({ page }) => {
  const consoleErrors = watchConsoleErrors(page);
  await page.goto(`${server.url}/runs/${runIds[3]}`);
  const section = page.getByTestId("predicted-vs-actual");
  await expect(section.getByRole("heading", { name: "Predicted versus actual" })).toBeVisible();
  await expect(section.getByTestId("predicted-best")).toHaveText("epoch 12");
  await expect(section.getByTestId("team-pick")).toHaveText("epoch 7");
  await expect(section.getByTestId("agreement")).toContainText("The simulator expected the best checkpoint at epoch 12; your team picked epoch 7: this run learned faster than predicted");
  await expect(section.getByTestId("agreement")).toContainText("Calibrated to your team's 3 other real runs, the simulator expects epoch");
  await expect(section.getByTestId("loss-scaling")).toContainText(/multiplied by one factor, ×\d\.\d\d, which makes the predicted mean training loss equal the measured one over the 12 epochs logged/);
  await expect(section.getByRole("img", { name: /scaled onto the same axis/ })).toBeVisible();
  await checkLayout(page, "run");
  consoleErrors();
});
