import type { Metadata } from "next";
import { parsePlaygroundParams, playgroundSearchParams, type SearchParamsRecord } from "@/lib/playground";
import { PlaygroundClient } from "./playground-client";
import { CalibrationProvider } from "@/app/ui/calibration/calibration-context";
import { teamCalibrationForPage } from "@/lib/server/runs";
import { LinkNotices } from "@/app/ui/link-notices";
import { PageHeader } from "@/app/ui/page-header";

export const metadata: Metadata = { title: "Playground" };

type Props = { searchParams: Promise<SearchParamsRecord> };

export default async function PlaygroundPage({ searchParams }: Props) {
  const { state, notices } = parsePlaygroundParams(await searchParams);
  const calibration = await teamCalibrationForPage();
  return (
    <div className="page">
      <PageHeader title="Playground" description="Move a setting and the run re-simulates in your browser. The faint line is the run before your last change." />
      <LinkNotices intro="Some settings in the link were not valid and use their defaults:" notices={notices} />
      {/* A new query (a lesson or sweep link) starts a fresh playground; typing only replaces the URL. */}
      <CalibrationProvider calibration={calibration}>
        <PlaygroundClient key={playgroundSearchParams(state).toString()} initialState={state} />
      </CalibrationProvider>
    </div>
  );
}
