import type { Metadata } from "next";
import { parseSweepParams } from "@/lib/sweep";
import type { SearchParamsRecord } from "@/lib/playground";
import { SweepClient } from "./sweep-client";
import { CalibrationProvider } from "@/app/ui/calibration/calibration-context";
import { teamCalibrationForPage } from "@/lib/server/runs";
import { LinkNotices } from "@/app/ui/link-notices";
import { PageHeader } from "@/app/ui/page-header";

export const metadata: Metadata = { title: "Sweep" };

type Props = { searchParams: Promise<SearchParamsRecord> };

export default async function SweepPage({ searchParams }: Props) {
  const { spec, notices } = parseSweepParams(await searchParams);
  const calibration = await teamCalibrationForPage();
  return (
    <div className="page">
      <PageHeader title="Sweep" description="Vary two settings at once: every cell is a simulated run. Hover or focus a cell for its numbers; open it in the playground." />
      <LinkNotices intro="Some parts of the link were not valid and use their defaults:" notices={notices} />
      <CalibrationProvider calibration={calibration}>
        <SweepClient initialSpec={spec} />
      </CalibrationProvider>
    </div>
  );
}
