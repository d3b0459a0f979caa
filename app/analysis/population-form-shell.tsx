"use client";
// The population form's submit: a plain GET form before scripts load; once
// they run, it also keeps what changed in the URL since the page loaded (the
// stored runs' brush, the grid's run) and writes the ticked settings as one
// `vary` list.
import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";
import styles from "./analysis.module.css";

/** URL parameters that belong to other sections and survive a new population. */
const KEPT = ["runsBrush", "run"];

export function PopulationFormShell({ children }: { children: ReactNode }) {
  const router = useRouter();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const current = new URLSearchParams(window.location.search);
    const next = new URLSearchParams();
    const vary: string[] = [];
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value !== "string" || KEPT.includes(key)) continue;
      if (key === "vary") {
        if (value) vary.push(value);
      } else next.set(key, value.trim());
    }
    next.set("vary", vary.join(","));
    for (const key of KEPT) {
      const value = current.get(key);
      if (value) next.set(key, value);
    }
    router.push(`/analysis?${next.toString()}#population`, { scroll: false });
  }
  return (
    <form method="get" action="/analysis#population" className={styles.populationForm} onSubmit={onSubmit}>
      {children}
    </form>
  );
}
