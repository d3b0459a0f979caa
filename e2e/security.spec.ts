// Response headers, and names and notes that contain HTML or script shown as plain text.
import { expect, test } from "@playwright/test";

const HOSTILE_NAME = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;
const HOSTILE_NOTES = `</textarea><svg onload="window.__xss=3"></svg><a href="javascript:window.__xss=4">click</a>`;

test("pages and API responses carry the security headers", async ({ request }) => {
  for (const path of ["/", "/api/runs", "/runs/new", "/sign-in"]) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("names and notes with HTML or script are shown as text, never run", async ({ page, request }) => {
  const created = await request.post("/api/runs", { data: { images: 10, epochs: 4, name: HOSTILE_NAME } });
  expect(created.status()).toBe(201);
  const run = await created.json();
  expect((await request.patch(`/api/runs/${run.id}`, { data: { notes: HOSTILE_NOTES } })).status()).toBe(200);

  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await page.goto(`/?q=${encodeURIComponent("window.__xss=2")}`);
  await expect(page.getByText(HOSTILE_NAME).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  await page.goto(`/runs/${run.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(HOSTILE_NAME);
  await expect(page.getByText(HOSTILE_NOTES).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator("img[src='x'], svg[onload]").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

// Signing in or out sends the browser back where it came from, never to another site.
const OFF_SITE = ["//evil.example", "/\\evil.example", "/%5Cevil.example", "/%2F%2Fevil.example", "/\t/evil.example", "https://evil.example"];

test("signing out redirects only within the site, whatever next says", async ({ request }) => {
  for (const next of OFF_SITE) {
    const response = await request.post("/api/session", { form: { _action: "sign-out", next }, maxRedirects: 0 });
    expect(response.status(), next).toBe(303);
    expect(response.headers()["location"], next).toBe("/");
  }
  const inSite = await request.post("/api/session", { form: { _action: "sign-out", next: "/runs/new?images=10" }, maxRedirects: 0 });
  expect(inSite.headers()["location"]).toBe("/runs/new?images=10");
});
