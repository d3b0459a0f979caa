// /compare?tag=x: every run tagged x (the latest ones, up to the compare
// limit), opened as a normal comparison; a message when too few have the tag.
import Link from "next/link";
import { redirect } from "next/navigation";
import { COMPARE_RUNS_MAX, COMPARE_RUNS_MIN, compareRunsHref } from "@/lib/compare/query";
import { InputError, runIdsTagged } from "@/lib/server/runs";
import { Alert } from "@/app/ui/alert";

export async function CompareTagged({ tag }: { tag: string }) {
  let ids: string[] = [];
  let problem: string | null = null;
  try {
    ids = await runIdsTagged(tag, COMPARE_RUNS_MAX);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problem = `“${tag.slice(0, 40)}” is not a tag: ${error.message}.`;
  }
  if (!problem && ids.length >= COMPARE_RUNS_MIN) redirect(compareRunsHref(ids));
  return (
    <div className="page stack">
      <h1>Compare runs</h1>
      <Alert as="div" tone="error" role="alert">
        <p>{problem ?? `Comparing needs at least ${COMPARE_RUNS_MIN} runs tagged “${tag.slice(0, 40)}”; ${ids.length === 0 ? "none has it" : "only one has it"}.`}</p>
        <Link href="/">Tag runs in the runs list</Link>
      </Alert>
    </div>
  );
}
