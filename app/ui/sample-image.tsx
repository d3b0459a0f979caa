// One sample preview of a stored run as an image of its SVG file
// (GET /runs/{id}/samples/{epoch}-{prompt}.svg): what the run page's grid and
// the compare pages show, so those grids ship no script and nothing to
// hydrate, and the browser caches each file. Same look and text alternative
// as SamplePreview, which draws inline where there is no stored run.
import { buildSamplePreview, type PreviewMetrics, type SamplePrompt } from "@/lib/preview";
import styles from "./sample-preview.module.css";

export interface SampleImageProps {
  runId: string;
  /** The checkpoint drawn (epoch 0: the untrained baseline). */
  checkpoint: PreviewMetrics;
  /** The run's seed. */
  seed: number;
  prompt: SamplePrompt;
  /** Largest rendered width in CSS pixels (the image shrinks to its container). */
  size: number;
  className?: string;
}

export function sampleImagePath(runId: string, epoch: number, promptId: string): string {
  return `/runs/${encodeURIComponent(runId)}/samples/${epoch}-${promptId}.svg`;
}

export function SampleImage({ runId, checkpoint, seed, prompt, size, className }: SampleImageProps) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- an SVG drawn by the app: nothing for the image optimiser to do
    <img
      src={sampleImagePath(runId, checkpoint.epoch, prompt.id)}
      alt={buildSamplePreview({ checkpoint, seed, prompt }).description}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      className={className ? `sample-image ${styles.preview} ${className}` : `sample-image ${styles.preview}`}
      style={{ maxWidth: size }}
    />
  );
}
