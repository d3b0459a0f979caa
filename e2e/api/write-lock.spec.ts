// The optional write lock: with EPOCH_LAB_TOKEN set, writes need the token
// (bearer or signed-in cookie), reads stay open, a wrong token reveals nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type APIRequestContext, type Browser, type Locator } from "@playwright/test";
import Database from "better-sqlite3";
import { encodeImportUpload, joinChunks } from "../../lib/import/multipart-body";
import { headerBytesNeeded } from "../../lib/import/safetensors";
import { kohyaFolder, writeImportFixtures } from "../../scripts/make-import-fixtures";
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

test("an import without write access is 401 and stores nothing; with the token it is stored", async ({ request }) => {
  const files = kohyaFolder({ epochs: 2, prompts: 2 }).map(({ path, bytes }) => {
    const end = path.endsWith(".safetensors") ? (headerBytesNeeded(bytes) ?? bytes.length) : bytes.length;
    return { path, bytes: bytes.slice(0, end), size: bytes.length };
  });
  const rows = () => {
    const database = new Database(server.databaseFile, { readonly: true, fileMustExist: true });
    try {
      return ["Run", "MeasuredCheckpoint", "Sample", "Image"].map((table) => (database.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n);
    } finally {
      database.close();
    }
  };
  const before = rows();
  const post = (headers: Record<string, string>) => {
    const upload = encodeImportUpload(files, `locked import ${Date.now()}`);
    return request.post(`${server.url}/api/imports`, { headers: { "Content-Type": upload.contentType, ...headers }, data: Buffer.from(joinChunks(upload)) });
  };
  for (const headers of [{}, { Authorization: "Bearer wrong-token" }] as Record<string, string>[]) {
    const response = await post(headers);
    expect(response.status()).toBe(401);
    const body = await response.json();
    expect(body.error.message).toMatch(/write-protected/);
    expect(JSON.stringify(body)).not.toContain(TOKEN);
  }
  expect(rows()).toEqual(before);
  const allowed = await post({ Authorization: `Bearer ${TOKEN}` });
  expect(allowed.status(), await allowed.text()).toBe(201);
  expect(rows()[0]).toBe(before[0] + 1);
});

test("the import page tells a browser that is not signed in to sign in, and does not offer the import", async ({ page }) => {
  const fixtures = mkdtempSync(join(tmpdir(), "epoch-lab-locked-import-"));
  try {
    writeImportFixtures(fixtures);
    await page.goto(`${server.url}/runs/import`);
    const notice = page.getByText("This server is write-protected: sign in to import a run.");
    await expect(notice).toBeVisible();
    await expect(notice.getByRole("link", { name: "sign in" })).toHaveAttribute("href", "/sign-in");
    await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
    await page.getByLabel("Choose a folder").setInputFiles(join(fixtures, "kohya"));
    await expect(page.getByRole("region", { name: /Found in kohya/ }).getByText("kohya sd-scripts")).toBeVisible();
    await expect(page.getByRole("button", { name: "Import this run" })).toBeDisabled();
  } finally {
    rmSync(fixtures, { recursive: true, force: true });
  }
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

// Server actions posted as a browser without JavaScript posts them: a
// multipart form with the $ACTION_* fields React renders, no Next-Action header.

/** The fields a browser would submit from a rendered form (hidden ones included), read from its HTML. */
async function formFields(form: Locator): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  for (const input of await form.locator("input").all()) {
    const name = await input.getAttribute("name");
    const type = (await input.getAttribute("type")) ?? "text";
    if (!name || ((type === "radio" || type === "checkbox") && (await input.getAttribute("checked")) === null)) continue;
    fields[name] = (await input.getAttribute("value")) ?? "";
  }
  return fields;
}

/** Ids of every stored run, following the list's pages. */
async function storedRunIds(request: APIRequestContext): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { runs: { id: string }[]; nextCursor: string | null } = await (await request.get(`${server.url}/api/runs?limit=100${cursor ? `&cursor=${cursor}` : ""}`)).json();
    ids.push(...page.runs.map((run) => run.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids.sort();
}

/** A browser context with JavaScript off, optionally signed in through the sign-in form (which needs no JavaScript). */
async function noScriptContext(browser: Browser, signedIn: boolean) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  if (signedIn) {
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel("Team token").fill(TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("link", { name: "Signed in" })).toBeVisible();
    await page.close();
  }
  return context;
}

/** Reads a server-action form without JavaScript and posts its fields the way that browser would. */
async function postActionForm(browser: Browser, signedIn: boolean, path: string, pickForm: (page: import("@playwright/test").Page) => Locator, changes: Record<string, string> = {}) {
  const context = await noScriptContext(browser, signedIn);
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  const form = pickForm(page);
  const fields = { ...(await formFields(form)), ...changes };
  expect(
    Object.keys(fields).some((name) => name.startsWith("$ACTION_")),
    "the form carries Next's $ACTION_ fields",
  ).toBe(true);
  expect((await form.getAttribute("enctype")) ?? "", "React renders a multipart form").toBe("multipart/form-data");
  const response = await context.request.post(`${server.url}${path}`, {
    multipart: fields,
    headers: { Origin: server.url },
    maxRedirects: 0,
  });
  expect(response.headers()["next-action"]).toBeUndefined();
  const result = { status: response.status(), location: response.headers()["location"] ?? null, body: await response.text() };
  await context.close();
  return result;
}

test("the new-run form posted without JavaScript and without sign-in is refused and stores nothing", async ({ browser, request }) => {
  const before = await storedRunIds(request);
  const name = `no-js refused ${Date.now()}`;
  const result = await postActionForm(browser, false, "/runs/new", (page) => page.locator("form").filter({ has: page.getByRole("button", { name: "Create run" }) }), { images: "10", name });
  expect(result.location).toBeNull();
  expect(result.body).toContain("This server is write-protected: sign in to create or change runs.");
  expect(await storedRunIds(request)).toEqual(before);
});

test("the new-run form posted without JavaScript by a signed-in browser creates the run", async ({ browser, request }) => {
  const before = await storedRunIds(request);
  const name = `no-js signed in ${Date.now()}`;
  const result = await postActionForm(browser, true, "/runs/new", (page) => page.locator("form").filter({ has: page.getByRole("button", { name: "Create run" }) }), { images: "10", name });
  expect(result.status).toBe(303);
  const id = result.location?.match(/\/runs\/([0-9a-f]{16})$/)?.[1];
  expect(id, `redirected to the new run (${result.location})`).toBeTruthy();
  expect(await storedRunIds(request)).toEqual([...before, id!].sort());
  expect((await (await request.get(`${server.url}/api/runs/${id}`)).json()).name).toBe(name);
});

for (const signedIn of [false, true]) {
  test(`the equal-steps twin form posted without JavaScript ${signedIn ? "by a signed-in browser creates the twin" : "and without sign-in is refused and stores nothing"}`, async ({
    browser,
    request,
  }) => {
    const before = await storedRunIds(request);
    const source =
      (await (await request.get(`${server.url}/api/runs?limit=100`)).json()).runs.find((run: { repeats: number; epochs: number }) => run.repeats % 2 === 0 || run.epochs % 2 === 0) ?? null;
    expect(source, "a demo run with a repeats-for-epochs twin").not.toBeNull();
    const result = await postActionForm(browser, signedIn, `/runs/${source.id}`, (page) => page.locator("form").filter({ has: page.getByRole("heading", { name: "Trade repeats for epochs" }) }));
    const after = await storedRunIds(request);
    if (signedIn) {
      expect(result.status).toBe(303);
      expect(result.location).toMatch(new RegExp(`/compare\\?runs=${source.id}(,|%2C)[0-9a-f]{16}$`));
      expect(after.length).toBe(before.length + 1);
    } else {
      expect(result.location).toBeNull();
      expect(result.body).toContain("This server is write-protected: sign in to create or change runs.");
      expect(after).toEqual(before);
    }
  });
}

test("the sign-in form passes on only an in-site next path", async ({ page }) => {
  for (const next of ["//evil.example", "/\\evil.example", "/%5Cevil.example", "/\t/evil.example", "https://evil.example"]) {
    await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`);
    await expect(page.locator('input[name="next"]'), next).toHaveValue("/");
  }
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent("/runs/new")}`);
  await expect(page.locator('input[name="next"]')).toHaveValue("/runs/new");
});
