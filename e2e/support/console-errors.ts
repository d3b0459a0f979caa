// Console-error watching for the dashboard and new-run specs. Like
// watchConsoleErrors in ./a11y, but it ignores the 404s of the header's links
// prefetching sections that are built elsewhere and not yet in this branch.
import { expect, type Page } from "@playwright/test";

const SECTIONS_NOT_HERE_YET = /\/(compare|playground|learn|sweep)\?_rsc=/;

export function watchOwnConsoleErrors(page: Page): () => void {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (/Failed to load resource/.test(message.text()) && SECTIONS_NOT_HERE_YET.test(message.location().url)) return;
    errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return () => expect(errors).toEqual([]);
}
