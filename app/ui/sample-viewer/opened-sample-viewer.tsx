"use client";
// The sample viewer opened at a view given as "<runId>:<epoch>:<promptId>": the
// part of the viewer that loads on demand (see deferred-sample-viewer.tsx).
import { SampleViewer, type ViewerRun } from "./sample-viewer";
import { parseSampleView, viewTargetOf } from "./view-param";

export function OpenedSampleViewer({ runs, view, returnFocusTo, ownsHistoryEntry }: { runs: ViewerRun[]; view: string; returnFocusTo: HTMLElement | null; ownsHistoryEntry: boolean }) {
  const initialView = parseSampleView(view, runs.map(viewTargetOf));
  return <SampleViewer runs={runs} initialView={initialView} returnFocusTo={returnFocusTo} ownsHistoryEntry={ownsHistoryEntry} />;
}
