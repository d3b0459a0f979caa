// Every write path checks the write lock where it happens: route handlers that
// write call requireWriteAccess, server actions are built with writeAction, and
// the escape hatch for scripts (localWriteAccess) never appears in the app.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const appFiles = filesUnder("app");
const sourceFiles = [...appFiles, ...filesUnder("lib")];
/** Routes that take POST without writing anything stored. */
const WRITE_FREE_ROUTES: Record<string, string> = {
  "app/api/simulate/route.ts": "simulates and stores nothing",
  "app/api/session/route.ts": "signs in and out: it is how a browser gets write access",
};

/** UI code that sends its own write request instead of calling a server action, and why. */
const UI_REQUEST_WRITES: Record<string, string> = {
  "app/runs/import/import-folder.tsx": "uploads a training folder with upload progress, which a server action cannot report",
};

describe("write paths", () => {
  it("every route handler that accepts POST, PUT, PATCH or DELETE checks write access", () => {
    const writing = appFiles.filter((file) => /route\.ts$/.test(file) && /export async function (POST|PUT|PATCH|DELETE)\b/.test(readFileSync(file, "utf8")));
    expect(writing.length).toBeGreaterThan(0);
    for (const file of writing) {
      if (WRITE_FREE_ROUTES[file.split(path.sep).join("/")]) continue;
      const source = readFileSync(file, "utf8");
      const handlers = source.match(/export async function (POST|PUT|PATCH|DELETE)\b/g) ?? [];
      const checks = source.match(/requireWriteAccess\(request\)/g) ?? [];
      expect(checks.length, `${file}: each writing handler calls requireWriteAccess(request)`).toBeGreaterThanOrEqual(handlers.length);
    }
  });

  it("every server action is made with writeAction", () => {
    const actionFiles = sourceFiles.filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")));
    expect(actionFiles.length).toBeGreaterThan(0);
    for (const file of actionFiles) {
      const source = readFileSync(file, "utf8");
      expect(source, `${file}: no server action declared as a plain function`).not.toMatch(/export (default )?async function/);
      const exported = source.match(/export const \w+ = [^;]*?\(/g) ?? [];
      expect(exported.length, `${file} exports actions`).toBeGreaterThan(0);
      for (const declaration of exported) expect(declaration, file).toMatch(/= writeAction\($/);
    }
  });

  it("the app never grants itself write access", () => {
    for (const file of appFiles) expect(readFileSync(file, "utf8"), file).not.toMatch(/localWriteAccess/);
  });

  it("the UI writes through server actions: no page or component sends its own POST, PUT, PATCH or DELETE", () => {
    const uiFiles = appFiles.filter((file) => !file.split(path.sep).join("/").startsWith("app/api/"));
    for (const file of uiFiles) {
      if (UI_REQUEST_WRITES[file.split(path.sep).join("/")]) continue;
      const source = readFileSync(file, "utf8");
      expect(source, `${file}: fetches with a write method (writes go through a server action)`).not.toMatch(/\bfetch\([^;]*?method:\s*["'`](POST|PUT|PATCH|DELETE)/is);
      expect(source, `${file}: opens a writing XMLHttpRequest (writes go through a server action)`).not.toMatch(/\.open\(\s*["'`](POST|PUT|PATCH|DELETE)/i);
    }
  });
});
