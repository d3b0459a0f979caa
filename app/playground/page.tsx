import type { Metadata } from "next";
import { parsePlaygroundParams, playgroundSearchParams, type SearchParamsRecord } from "@/lib/playground";
import { PlaygroundClient } from "./playground-client";
import { CalibrationProvider } from "@/app/ui/calibration/calibration-context";
import { teamCalibrationForPage } from "@/lib/runs";

export const metadata: Metadata = { title: "Playground" };

type Props = { searchParams: Promise<SearchParamsRecord> };

export default async function PlaygroundPage({ searchParams }: Props) {
  const { state, notices } = parsePlaygroundParams(await searchParams);
  const calibration = await teamCalibrationForPage();
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Playground</h1>
          <p>Move a setting and the run re-simulates in your browser. The faint line is the run before your last change.</p>
        </div>
      </div>
      {notices.length > 0 && (
        <div className="alert alert-warning" role="status" style={{ marginBottom: "var(--space-4)" }}>
          <p style={{ margin: 0 }}>Some settings in the link were not valid and use their defaults:</p>
          <ul style={{ margin: "var(--space-1) 0 0", paddingLeft: "1.2em" }}>
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </div>
      )}
      {/* A new query (a lesson or sweep link) starts a fresh playground; typing only replaces the URL. */}
      <CalibrationProvider calibration={calibration}>
        <PlaygroundClient key={playgroundSearchParams(state).toString()} initialState={state} />
      </CalibrationProvider>
    </div>
  );
}
