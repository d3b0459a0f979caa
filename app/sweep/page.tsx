import type { Metadata } from "next";
import { parseSweepParams } from "@/lib/sweep";
import type { SearchParamsRecord } from "@/lib/playground";
import { SweepClient } from "./sweep-client";
import { CalibrationProvider } from "@/app/ui/calibration/calibration-context";
import { teamCalibrationForPage } from "@/lib/runs";

export const metadata: Metadata = { title: "Sweep" };

type Props = { searchParams: Promise<SearchParamsRecord> };

export default async function SweepPage({ searchParams }: Props) {
  const { spec, notices } = parseSweepParams(await searchParams);
  const calibration = await teamCalibrationForPage();
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Sweep</h1>
          <p>Vary two settings at once: every cell is a simulated run. Hover or focus a cell for its numbers; open it in the playground.</p>
        </div>
      </div>
      {notices.length > 0 && (
        <div className="alert alert-warning" role="status" style={{ marginBottom: "var(--space-4)" }}>
          <p style={{ margin: 0 }}>Some parts of the link were not valid and use their defaults:</p>
          <ul style={{ margin: "var(--space-1) 0 0", paddingLeft: "1.2em" }}>
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </div>
      )}
      <CalibrationProvider calibration={calibration}>
        <SweepClient initialSpec={spec} />
      </CalibrationProvider>
    </div>
  );
}
