// GET /runs/{id}/samples/{epoch}-{prompt}.svg: the run page's sample images.
import { expect, test } from "@playwright/test";

test("serves a run's sample previews as cacheable SVG files, epoch 0 included", async ({ request }) => {
  const created = await request.post("/api/runs", { data: { name: "Sample files", images: 10, epochs: 4, seed: 321 } });
  expect(created.status()).toBe(201);
  const run = await created.json();

  for (const name of ["0-portrait.svg", "1-forest.svg", "4-beach.svg"]) {
    const response = await request.get(`/runs/${run.id}/samples/${name}`);
    expect(response.status(), name).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers()["cache-control"]).toContain("immutable");
    const svg = await response.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 100 100"/);
    expect(svg).toContain(name.startsWith("0-") ? "<title>Untrained baseline (epoch 0)" : `<title>Epoch ${name.split("-")[0]}, `);
  }
  const again = await request.get(`/runs/${run.id}/samples/1-forest.svg`);
  expect(await again.text()).toBe(await (await request.get(`/runs/${run.id}/samples/1-forest.svg`)).text());
});

test("answers 404, not 500, for unknown runs, epochs, prompts and file names", async ({ request }) => {
  const created = await request.post("/api/runs", { data: { images: 10, epochs: 3, seed: 9 } });
  const run = await created.json();
  for (const path of [
    `/runs/${run.id}/samples/4-portrait.svg`,
    `/runs/${run.id}/samples/1-moon.svg`,
    `/runs/${run.id}/samples/1-portrait.png`,
    `/runs/${run.id}/samples/-1-portrait.svg`,
    `/runs/${run.id}/samples/99999-portrait.svg`,
    `/runs/0000000000000000/samples/1-portrait.svg`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["cache-control"]).toBe("no-store");
  }
});
