// Chart markers for the decide features, in the shared line chart's format.
import type { ChartMarker } from "@/app/ui/charts/line-chart";

/** The overfit onset (validation loss turning up) as a dashed red line on a per-epoch chart; none when the run never turns. */
export function overfitOnsetMarkers(epoch: number | null): ChartMarker[] {
  return epoch === null ? [] : [{ x: epoch, label: `Val. loss turns up (epoch ${epoch})`, color: "var(--overfit)", dashed: true }];
}
