"use client";
// Choosing or dropping a folder, reading it in the browser (LoRA headers only,
// with File.slice), planning the import to show what was found and every
// problem by file, then uploading with a progress bar and opening the run.
// The folder readers load only once a folder is chosen.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type DragEvent } from "react";
import type { ImportFile, ImportPlan } from "@/lib/import";
import { TRAINER_LABELS } from "@/lib/import/trainer-label";
import { useHydrated } from "@/app/ui/use-hydrated";
import styles from "./import.module.css";
import { Alert } from "@/app/ui/alert";
import { Button, buttonClass } from "@/app/ui/button";

interface Chosen {
  folder: string;
  files: { path: string; blob: Blob }[];
  plan: ImportPlan;
}

type Upload = { state: "idle" } | { state: "reading" } | { state: "sending"; percent: number } | { state: "failed"; message: string; fields: Record<string, string>; signIn?: boolean };

/** `canWrite` false: a write-protected server without sign-in; folders are read and shown, the import button stays off. */
export function ImportFolder({ canWrite = true }: { canWrite?: boolean }) {
  const router = useRouter();
  const inputId = useId();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [upload, setUpload] = useState<Upload>({ state: "idle" });
  const [dragging, setDragging] = useState(false);
  // Choosing a folder needs the handlers: tests wait for this before they choose one.
  const hydrated = useHydrated();

  async function read(folder: string, entries: { path: string; file: File }[]) {
    setUpload({ state: "reading" });
    setChosen(null);
    // The readers (TensorBoard's protobuf decoder among them) load when a folder is chosen, not with the page.
    let readers: typeof import("@/lib/import");
    try {
      readers = await import("@/lib/import");
    } catch {
      setUpload({ state: "failed", message: "The folder reader could not be loaded: check the connection and choose the folder again.", fields: {} });
      return;
    }
    const { IMAGE_HEAD_BYTES, isImagePath, planImport, sliceSafetensorsHeader } = readers;
    const files: Chosen["files"] = [];
    const planned: ImportFile[] = [];
    for (const { path, file } of entries) {
      if (/\.safetensors$/i.test(path)) {
        // Only the header is read and sent: the weights never leave the machine.
        const bytes = await sliceSafetensorsHeader(file);
        files.push({ path, blob: new Blob([bytes.slice()]) });
        planned.push({ path, bytes, size: file.size });
      } else if (isImagePath(path) && file.size > IMAGE_HEAD_BYTES) {
        // An image's header is enough to plan; the file itself is streamed by the upload.
        files.push({ path, blob: file });
        planned.push({ path, bytes: new Uint8Array(await file.slice(0, IMAGE_HEAD_BYTES).arrayBuffer()), size: file.size, head: true });
      } else {
        files.push({ path, blob: file });
        planned.push({ path, bytes: new Uint8Array(await file.arrayBuffer()), size: file.size });
      }
    }
    setChosen({ folder, files, plan: planImport(planned) });
    setUpload({ state: "idle" });
  }

  function onChoose(list: FileList | null) {
    if (!list || list.length === 0) return;
    const entries = Array.from(list, (file) => {
      const relative = file.webkitRelativePath || file.name;
      return { path: relative.split("/").slice(1).join("/") || relative, file };
    });
    const folder = (list[0].webkitRelativePath || list[0].name).split("/")[0];
    void read(folder, entries);
  }

  async function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const entry = event.dataTransfer.items[0]?.webkitGetAsEntry();
    if (!entry || !entry.isDirectory) {
      setUpload({ state: "failed", message: "Drop a folder, not single files.", fields: {} });
      return;
    }
    const files = await walk(entry as FileSystemDirectoryEntry, "");
    void read(entry.name, files);
  }

  function send() {
    if (!chosen) return;
    const form = new FormData();
    form.append("name", chosen.plan.settings.name ?? chosen.folder);
    for (const file of chosen.files) form.append("files", file.blob, file.path);
    const request = new XMLHttpRequest();
    request.open("POST", "/api/imports");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) setUpload({ state: "sending", percent: Math.round((event.loaded / event.total) * 100) });
    };
    request.onload = () => {
      const body = request.response as { id?: string; error?: { message: string; fields?: Record<string, string> } } | null;
      if (request.status === 201 && body?.id) router.push(`/runs/${body.id}`);
      else if (request.status === 401) setUpload({ state: "failed", message: "This server is write-protected: sign in to import a run.", fields: {}, signIn: true });
      else setUpload({ state: "failed", message: body?.error?.message ?? `The server answered ${request.status}.`, fields: body?.error?.fields ?? {} });
    };
    request.onerror = () => setUpload({ state: "failed", message: "The upload was cut off: check the connection and try again.", fields: {} });
    setUpload({ state: "sending", percent: 0 });
    request.send(form);
  }

  const plan = chosen?.plan;
  const errors = plan?.problems.filter((p) => p.severity === "error") ?? [];
  const warnings = plan?.problems.filter((p) => p.severity === "warning") ?? [];
  const epochsWithSamples = new Set(plan?.samples.map((s) => s.epoch));
  const samplesPerEpoch = plan && epochsWithSamples.size > 0 ? Math.round(plan.samples.length / epochsWithSamples.size) : 0;

  return (
    <div className="stack" data-hydrated={hydrated ? "true" : undefined}>
      <div
        className={`card ${styles.drop} ${dragging ? styles.dragging : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Drop the training&apos;s output folder here, or</p>
        <label htmlFor={inputId} className={buttonClass({ variant: "primary" })}>
          Choose a folder
        </label>
        <input id={inputId} className="visually-hidden" type="file" multiple {...{ webkitdirectory: "" }} onChange={(event) => onChoose(event.target.files)} aria-describedby={`${inputId}-help`} />
        <p id={`${inputId}-help`} className="muted">
          The folder you gave the trainer as <code>--output_dir</code> (kohya) or <code>training_folder</code> (ai-toolkit), with its logs if they are elsewhere copied in.
        </p>
      </div>

      {upload.state === "reading" && (
        <p role="status" className="muted">
          Reading the folder…
        </p>
      )}

      {chosen && plan && (
        <section className="card stack" aria-labelledby="found-heading">
          <h2 id="found-heading">Found in {chosen.folder}</h2>
          <dl className={styles.found}>
            <div>
              <dt>Trainer</dt>
              <dd>{plan.trainer ? TRAINER_LABELS[plan.trainer] : "not recognised"}</dd>
            </div>
            <div>
              <dt>Name</dt>
              <dd>{plan.settings.name ?? "not in the files"}</dd>
            </div>
            <div>
              <dt>Checkpoints</dt>
              <dd>{plan.checkpoints.length === 0 ? "none" : `${plan.checkpoints.length} (epochs ${plan.checkpoints.map((c) => c.epoch).join(", ")})`}</dd>
            </div>
            <div>
              <dt>Samples</dt>
              <dd>{plan.samples.length === 0 ? "none" : `${plan.samples.length}, about ${samplesPerEpoch} per epoch${epochsWithSamples.has(0) ? ", with samples before training" : ""}`}</dd>
            </div>
            <div>
              <dt>Loss logs</dt>
              <dd>{plan.logs.length === 0 ? "none: losses will be shown as not logged" : plan.logs.join(", ")}</dd>
            </div>
            <div>
              <dt>Settings read</dt>
              <dd>
                {Object.entries(plan.settings)
                  .filter(([key, value]) => value !== null && typeof value !== "object" && key !== "name")
                  .map(([key, value]) => `${key} ${String(value)}`)
                  .join(", ") || "none"}
              </dd>
            </div>
          </dl>
          {errors.length > 0 && (
            <Alert as="div" tone="error" role="alert">
              <p>
                <strong>This folder cannot be imported</strong> until {errors.length === 1 ? "this problem is" : `these ${errors.length} problems are`} fixed:
              </p>
              <ul className={styles.problems}>
                {errors.map((p, i) => (
                  <li key={i}>
                    <code>{p.file || chosen.folder}</code>: {p.message}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          {warnings.length > 0 && (
            <Alert as="div">
              <p>Worth knowing (the import goes ahead):</p>
              <ul className={styles.problems}>
                {warnings.map((p, i) => (
                  <li key={i}>
                    <code>{p.file || chosen.folder}</code>: {p.message}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          <div>
            <Button variant="primary" disabled={!plan.ok || !canWrite || upload.state === "sending"} onClick={send}>
              Import this run
            </Button>
          </div>
        </section>
      )}

      {upload.state === "sending" && (
        <div className="card">
          <label htmlFor={`${inputId}-progress`}>Uploading: {upload.percent}%</label>
          <progress id={`${inputId}-progress`} className={styles.progress} max={100} value={upload.percent} />
        </div>
      )}

      {upload.state === "failed" && (
        <Alert as="div" tone="error" role="alert">
          <p>
            {upload.message}
            {upload.signIn && (
              <>
                {" "}
                <Link href="/sign-in">Sign in</Link>
              </>
            )}
          </p>
          {Object.keys(upload.fields).length > 0 && (
            <ul className={styles.problems}>
              {Object.entries(upload.fields).map(([file, message]) => (
                <li key={file}>
                  <code>{file === "_" ? "the folder" : file}</code>: {message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </div>
  );
}

/** Every file under a dropped folder, with its path inside it. */
async function walk(directory: FileSystemDirectoryEntry, prefix: string): Promise<{ path: string; file: File }[]> {
  const reader = directory.createReader();
  const entries: FileSystemEntry[] = [];
  // readEntries answers in batches (100 in Chrome) until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    entries.push(...batch);
  }
  const files: { path: string; file: File }[] = [];
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory) files.push(...(await walk(entry as FileSystemDirectoryEntry, path)));
    else files.push({ path, file: await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)) });
  }
  return files;
}
