// /runs/new: the settings form, with the article's advice, the steps formula,
// warnings and a quality preview updating as the user types (client leaf).
// /runs/new?images=…&seed=…&name=… (the runs list's Clone) starts from those settings.
import type { Metadata } from "next";
import { readClonedSettings } from "@/lib/clone-settings";
import { randomSeed } from "@/lib/sim";
import { NewRunForm } from "./new-run-form";
import { CalibrationProvider } from "@/app/ui/calibration/calibration-context";
import { teamCalibrationForPage } from "@/lib/server/runs";
import { PageHeader } from "@/app/ui/page-header";

export const metadata: Metadata = { title: "New run" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewRunPage({ searchParams }: Props) {
  const cloned = readClonedSettings(await searchParams);
  const isClone = Object.keys(cloned).length > 0;
  const calibration = await teamCalibrationForPage();
  return (
    <div className="page">
      <PageHeader
        title="New run"
        description={
          isClone
            ? "Every setting of the run you cloned, its seed included: change one and see what it does."
            : "Start from the article’s defaults, enter your image count, and watch the steps, warnings and quality preview change."
        }
      />
      <CalibrationProvider calibration={calibration}>
        <NewRunForm seed={randomSeed()} initial={cloned} />
      </CalibrationProvider>
    </div>
  );
}
