// Links to a run that the runs list and the compare page both show: its name
// (badged when imported) and its epochs side by side.
import Link from "next/link";
import { defaultCompareEpochs } from "@/lib/compare/epochs";
import { compareEpochsHref } from "@/lib/compare/query";
import type { RunSource } from "@/lib/runs/types";
import { ButtonLink } from "@/app/ui/button";

/** The run's name, linking to its page, with the "Imported" badge for an imported run. */
export function RunNameLink({ run }: { run: { id: string; name: string; source: RunSource } }) {
  return (
    <>
      <Link href={`/runs/${run.id}`}>{run.name}</Link>
      {run.source === "imported" && (
        <>
          {" "}
          <span className="badge badge-accent">Imported</span>
        </>
      )}
    </>
  );
}

/** "Epochs": the run's epochs side by side; an imported run's comparison opens on the epochs its trainer saved. */
export function EpochsButton({ run }: { run: { id: string; name: string; source: RunSource; epochs: number; recommendedEpoch: number; pickedEpoch: number | null } }) {
  const href = run.source === "imported" ? `/runs/${encodeURIComponent(run.id)}/compare` : compareEpochsHref(run.id, defaultCompareEpochs(run));
  return (
    <ButtonLink href={href} size="small">
      Epochs<span className="visually-hidden"> of {run.name} side by side</span>
    </ButtonLink>
  );
}
