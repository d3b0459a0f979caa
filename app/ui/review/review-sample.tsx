// One sample in a blind review: a real image of an imported run (its preview,
// linked to the full image), or the simulated preview of a checkpoint. The
// label says A, B or "before training" only, never the epoch or the run.
import { SamplePreview } from "@/app/ui/sample-preview";
import { baselineCheckpoint, SAMPLE_PROMPTS } from "@/lib/preview";
import type { ReviewRunSource } from "@/lib/server/runs/review-view";
import styles from "./review.module.css";

interface Props {
  source: ReviewRunSource;
  epoch: number;
  promptIndex: number;
  /** Largest width in CSS pixels. */
  size: number;
  /** What the image is, for screen readers: "Sample A", "Before training". */
  label: string;
  idPrefix: string;
}

export function ReviewSample({ source, epoch, promptIndex, size, label, idPrefix }: Props) {
  if (source.kind === "images") {
    const image = source.images.find((candidate) => candidate.epoch === epoch && candidate.promptIndex === promptIndex);
    if (!image) return <p className={styles.missing}>No sample for this prompt</p>;
    const width = Math.min(size, image.width);
    return (
      <a href={image.url} className={styles.imageLink} target="_blank" rel="noopener">
        {/* eslint-disable-next-line @next/next/no-img-element -- content-addressed previews served by the API, already sized */}
        <img
          src={image.previewUrl}
          width={width}
          height={Math.round((width * image.height) / image.width)}
          alt={`${label} (opens the full image)`}
          className={styles.image}
          data-testid="review-image"
        />
      </a>
    );
  }
  const checkpoint = epoch === 0 ? baselineCheckpoint() : source.checkpoints.find((candidate) => candidate.epoch === epoch);
  if (!checkpoint) return <p className={styles.missing}>No sample for this checkpoint</p>;
  return <SamplePreview checkpoint={checkpoint} seed={source.seed} prompt={SAMPLE_PROMPTS[promptIndex % SAMPLE_PROMPTS.length]} size={size} idPrefix={idPrefix} className={styles.image} />;
}

/** The prompt a run's samples were made with, as text. */
export function promptText(source: ReviewRunSource, promptIndex: number): string {
  if (source.kind === "images") return source.prompts[promptIndex] ?? `Prompt ${promptIndex + 1}`;
  return SAMPLE_PROMPTS[promptIndex % SAMPLE_PROMPTS.length].text;
}

/** Whether a run has a before-training sample for a prompt. */
export function hasReference(source: ReviewRunSource, promptIndex: number): boolean {
  return source.kind === "simulated" || source.images.some((image) => image.epoch === 0 && image.promptIndex === promptIndex);
}
