// /runs/import: store a real training run from the folder a trainer left
// behind (kohya sd-scripts, ai-toolkit, TensorBoard CSV exports). The browser
// reads the folder, shows what it found, and uploads LoRA files by header only.
import type { Metadata } from "next";
import Link from "next/link";
import { getWriteLockStatus } from "@/lib/server/auth/session";
import { ImportFolder } from "./import-folder";

export const metadata: Metadata = { title: "Import a training folder" };
// Whether this browser may write is known per request (the write lock's cookie).
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const { canWrite } = await getWriteLockStatus();
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Import a training folder</h1>
          <p>
            Choose the output folder of a kohya sd-scripts or ai-toolkit training (with its <code>sample</code> images and TensorBoard logs). Epoch Lab reads the settings from the LoRA files&apos;
            metadata, the losses from the logs and the samples of every epoch. Only each LoRA file&apos;s header is sent, never its weights.
          </p>
        </div>
      </div>
      {!canWrite && (
        <p className="alert alert-warning" role="status">
          This server is write-protected: <Link href="/sign-in">sign in</Link> to import a run. You can still choose a folder to see what would be imported.
        </p>
      )}
      <ImportFolder canWrite={canWrite} />
    </div>
  );
}
