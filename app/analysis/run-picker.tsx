"use client";
// The strength grid's run choice: a GET form that, once scripts run, keeps the
// brushes made since the page loaded (they live in the URL, not in the form).
import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";
import styles from "./analysis.module.css";

export function RunPicker({ children }: { children: ReactNode }) {
  const router = useRouter();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const run = String(new FormData(event.currentTarget).get("run") ?? "");
    const params = new URLSearchParams(window.location.search);
    if (run) params.set("run", run);
    else params.delete("run");
    router.push(`/analysis?${params.toString()}#strength`);
  }
  return (
    <form method="get" action="/analysis#strength" className={styles.runForm} onSubmit={onSubmit}>
      {children}
    </form>
  );
}
