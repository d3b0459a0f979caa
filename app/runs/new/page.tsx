// /runs/new: the settings form, with the article's advice, the steps formula,
// warnings and a quality preview updating as the user types (client leaf).
import type { Metadata } from "next";
import { randomSeed } from "@/lib/sim";
import { NewRunForm } from "./new-run-form";

export const metadata: Metadata = { title: "New run" };
export const dynamic = "force-dynamic";

export default function NewRunPage() {
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>New run</h1>
          <p>Start from the article&apos;s defaults, enter your image count, and watch the steps, warnings and quality preview change.</p>
        </div>
      </div>
      <NewRunForm seed={randomSeed()} />
    </div>
  );
}
