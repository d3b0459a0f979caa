// The optional write lock: with EPOCH_LAB_TOKEN set, writes need the token
// (bearer or signed-in cookie), reads stay open, a wrong token reveals nothing.
import { expect, test } from "@playwright/test";
import { startServer, type TestServer } from "../support/server";

const TOKEN = "team-token-for-tests";
let server: TestServer;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(180_000); // starting a server of its own migrates and seeds a fresh database
  server = await startServer({ port: 3290 + (Number(process.env.E2E_PORT ?? 3210) % 10), env: { EPOCH_LAB_TOKEN: TOKEN } });
});
test.afterAll(async () => {
  await server?.stop();
});

test("reads stay open and simulating needs no token", async ({ request }) => {
  const list = await request.get(`${server.url}/api/runs`);
  expect(list.status()).toBe(200);
  const id = (await list.json()).runs[0].id;
  expect((await request.get(`${server.url}/api/runs/${id}`)).status()).toBe(200);
  expect((await request.post(`${server.url}/api/simulate`, { data: { images: 10 } })).status()).toBe(200);
});

test("writes without the token, or with a wrong one, are 401 and change nothing", async ({ request }) => {
  const before = (await (await request.get(`${server.url}/api/runs?limit=100`)).json()).runs;
  const id = before[0].id;
  const attempts: Record<string, string>[] = [{}, { Authorization: "Bearer wrong-token" }, { Authorization: `Basic ${TOKEN}` }];
  for (const headers of attempts) {
    const responses = [
      await request.post(`${server.url}/api/runs`, { data: { images: 10, name: "locked out" }, headers }),
      await request.patch(`${server.url}/api/runs/${id}`, { data: { name: "renamed" }, headers }),
      await request.delete(`${server.url}/api/runs/${id}`, { headers }),
      await request.post(`${server.url}/api/runs/${id}/resimulate`, { headers }),
    ];
    for (const response of responses) {
      expect(response.status()).toBe(401);
      const body = await response.json();
      expect(body.error.message).toMatch(/write-protected/);
      expect(JSON.stringify(body)).not.toContain(TOKEN);
    }
  }
  const after = (await (await request.get(`${server.url}/api/runs?limit=100`)).json()).runs;
  expect(after).toEqual(before);
});

test("the bearer token allows writes", async ({ request }) => {
  const headers = { Authorization: `Bearer ${TOKEN}` };
  const created = await request.post(`${server.url}/api/runs`, { data: { images: 12, name: "with token" }, headers });
  expect(created.status()).toBe(201);
  const run = await created.json();
  expect((await request.patch(`${server.url}/api/runs/${run.id}`, { data: { pickedEpoch: 3 }, headers })).status()).toBe(200);
  expect((await request.delete(`${server.url}/api/runs/${run.id}`, { headers })).status()).toBe(204);
});

test("signing in through the form sets an http-only cookie that allows writes", async ({ page }) => {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel("Team token").fill("not the token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#token-error")).toHaveText("That token is not valid.");

  await page.getByLabel("Team token").fill(TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${server.url}/`);
  const cookie = (await page.context().cookies()).find((c) => c.name === "epoch_lab_session");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.value).not.toContain(TOKEN);
  await expect(page.getByRole("link", { name: "Signed in" })).toBeVisible();

  const created = await page.request.post(`${server.url}/api/runs`, { data: { images: 9, name: "from the browser" } });
  expect(created.status()).toBe(201);
});
