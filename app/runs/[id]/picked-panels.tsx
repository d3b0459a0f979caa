"use client";
// The decide panels that show the picked epoch, fed from the page's pick state
// so a new pick shows in every panel without a reload. They follow a deferred
// copy of the pick: the button and the status line answer the click first.
// The replay panel still loads lazily (lazy-leaves.tsx).
import { BestVersusLast, type BestVersusLastProps } from "@/app/ui/decide/best-versus-last";
import type { ReplayPanelProps } from "@/app/ui/decide/replay-panel";
import { DeferredReplayPanel } from "./lazy-leaves";
import { useDeferredPick } from "./pick-context";

export function PickedBestVersusLast(props: Omit<BestVersusLastProps, "pickedEpoch">) {
  const pickedEpoch = useDeferredPick();
  return <BestVersusLast {...props} pickedEpoch={pickedEpoch} />;
}

export function PickedReplayPanel(props: Omit<ReplayPanelProps, "pickedEpoch">) {
  const pickedEpoch = useDeferredPick();
  return <DeferredReplayPanel {...props} pickedEpoch={pickedEpoch} />;
}
