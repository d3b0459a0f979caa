"use client";
// The bar above the runs table: how many runs are ticked, and a button that
// opens /compare?runs=a,b,c once 2 to 6 are. Without this script the form
// still submits as /compare?runs=a&runs=b, which the compare page reads too.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { COMPARE_RUNS_MAX, COMPARE_RUNS_MIN, compareRunsHref } from "@/lib/compare/query";
import styles from "./runs-list.module.css";
import { Button } from "@/app/ui/button";

function checkedIds(form: HTMLFormElement): string[] {
  // The table and the phone cards each have a box per run: count a run once.
  return [...new Set(Array.from(form.querySelectorAll<HTMLInputElement>('input[name="runs"]:checked'), (input) => input.value))];
}

export function CompareSelection({ formId }: { formId: string }) {
  const router = useRouter();
  const [ids, setIds] = useState<string[]>([]);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const update = () => setIds(checkedIds(form));
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const chosen = checkedIds(form);
      if (chosen.length >= COMPARE_RUNS_MIN && chosen.length <= COMPARE_RUNS_MAX) router.push(compareRunsHref(chosen));
    };
    update();
    form.addEventListener("change", update);
    form.addEventListener("submit", submit);
    return () => {
      form.removeEventListener("change", update);
      form.removeEventListener("submit", submit);
    };
  }, [formId, router]);

  const count = ids.length;
  const ready = count >= COMPARE_RUNS_MIN && count <= COMPARE_RUNS_MAX;
  const hint =
    count === 0
      ? `Tick ${COMPARE_RUNS_MIN} to ${COMPARE_RUNS_MAX} runs to compare them.`
      : count < COMPARE_RUNS_MIN
        ? `1 run selected: tick at least one more.`
        : count > COMPARE_RUNS_MAX
          ? `${count} runs selected: compare at most ${COMPARE_RUNS_MAX}.`
          : `${count} runs selected.`;
  return (
    <div className={styles.selection}>
      <p aria-live="polite" className={styles.selectionHint}>
        {hint}
      </p>
      <Button type="submit" variant="primary" size="small" aria-disabled={!ready} onClick={(event) => !ready && event.preventDefault()}>
        Compare selected
      </Button>
    </div>
  );
}
