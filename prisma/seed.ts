// Inserts the demo runs into an empty database (run by `npm start`, `npm run dev` and `npm run db:seed`).
import { localWriteAccess } from "@/lib/server/auth/write-access";
import { withStartupLock } from "@/lib/server/db";
import { countRuns, createRun } from "@/lib/server/runs";
import { DEMO_RUNS } from "./demo-runs";

/**
 * Stores the demo runs, oldest first, one minute apart, if the database has no runs.
 * Returns how many were added. Safe when several instances start at once.
 */
export async function seedDemoRuns(): Promise<number> {
  return withStartupLock(async () => {
    if ((await countRuns()) > 0) return 0;
    const start = Date.now() - DEMO_RUNS.length * 60_000;
    for (const [index, demo] of DEMO_RUNS.entries()) {
      await createRun(localWriteAccess(), demo.settings, { notes: demo.notes, pickedEpoch: demo.pickedEpoch, createdAt: new Date(start + index * 60_000) });
    }
    return DEMO_RUNS.length;
  });
}

const isMain = process.argv[1] && /seed\.ts$/.test(process.argv[1]);
if (isMain) {
  seedDemoRuns()
    .then((count) => {
      console.log(count > 0 ? `Added ${count} demo runs.` : "The database already has runs: no demo runs added.");
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error("Seeding the demo runs failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
