// /runs/import: store a real training run from the folder a trainer left
// behind (kohya sd-scripts, ai-toolkit, TensorBoard CSV exports). The browser
// reads the folder, shows what it found, and uploads LoRA files by header only.
import type { Metadata } from "next";
import Link from "next/link";
import { getWriteLockStatus } from "@/lib/server/auth/session";
import { ImportFolder } from "./import-folder";
import { Alert } from "@/app/ui/alert";
import { PageHeader } from "@/app/ui/page-header";

export const metadata: Metadata = { title: "Import a training folder" };
// Whether this browser may write is known per request (the write lock's cookie).
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const { canWrite } = await getWriteLockStatus();
  return (
    <div className="page">
      <PageHeader
        title="Import a training folder"
        description={
          <>
            Choose the output folder of a kohya sd-scripts or ai-toolkit training (with its <code>sample</code> images and TensorBoard logs). Epoch Lab reads the settings from the LoRA files&apos;
            metadata, the losses from the logs and the samples of every epoch. Only each LoRA file&apos;s header is sent, never its weights.
          </>
        }
      />
      {!canWrite && (
        <Alert tone="warning" role="status">
          This server is write-protected: <Link href="/sign-in">sign in</Link> to import a run. You can still choose a folder to see what would be imported.
        </Alert>
      )}
      <ImportFolder canWrite={canWrite} />
    </div>
  );
}
