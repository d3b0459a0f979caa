// /compare?runs=a,b,c&metric=quality&x=epoch: several runs overlaid on one
// chart, their recommended epochs marked, their training losses overlaid, and
// a table of the settings that differ. Imported (real) runs sit beside
// simulated ones with what their trainer measured; what it did not measure
// (quality, fidelity, …) reads "not measured". The sections live beside this
// file; ?tag=x opens the runs with that tag.
import type { Metadata } from "next";
import Link from "next/link";
import { COMPARE_RUNS_MAX, COMPARE_RUNS_MIN, parseCompareRunsQuery } from "@/lib/compare/query";
import { Alert } from "@/app/ui/alert";
import { PageHeader } from "@/app/ui/page-header";
import { VIEW_PARAM } from "@/app/ui/sample-viewer/view-param";
import { ChooseRuns } from "./choose-runs";
import { CompareTagged } from "./compare-tagged";
import { Comparison } from "./comparison";

export const metadata: Metadata = { title: "Compare runs" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CompareRunsPage({ searchParams }: Props) {
  const params = await searchParams;
  const tag = [params.tag ?? []].flat()[0];
  if (tag !== undefined && params.runs === undefined) return <CompareTagged tag={tag} />;
  const parsed = parseCompareRunsQuery(params);
  return (
    <div className="page stack">
      <PageHeader
        title="Compare runs"
        description={
          <>
            {COMPARE_RUNS_MIN} to {COMPARE_RUNS_MAX} runs overlaid, each run&apos;s recommended epoch ringed, and the settings that differ.
          </>
        }
      />
      {parsed.ok ? (
        <Comparison query={parsed.query} view={params[VIEW_PARAM]} />
      ) : parsed.empty ? (
        <ChooseRuns />
      ) : (
        <Alert as="div" tone="error" role="alert">
          <p>{parsed.message}</p>
          <Link href="/">Choose runs in the runs list</Link>
        </Alert>
      )}
    </div>
  );
}
