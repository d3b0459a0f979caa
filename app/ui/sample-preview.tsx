// One simulated sample image of a checkpoint for one prompt: a small SVG drawn
// from the checkpoint's metrics (lib/preview). No hooks and no client code, so
// server components render it directly (run dashboard, compare pages).
import { buildSamplePreview, SAMPLE_PROMPTS, type PreviewMetrics, type PreviewShape, type SamplePrompt } from "@/lib/preview";
import styles from "./sample-preview.module.css";

export interface SamplePreviewProps {
  /** The checkpoint to draw (a lib/sim Checkpoint fits). */
  checkpoint: PreviewMetrics;
  /** The run's seed: same run, same images. */
  seed: number;
  /** One of SAMPLE_PROMPTS, or its id ("portrait", "forest", "city", "beach"). */
  prompt: SamplePrompt | string;
  /** Largest rendered width in CSS pixels (the image shrinks to its container). Default 120. */
  size?: number;
  /**
   * Prefix of the SVG filter id. Ids are derived from seed, epoch and prompt;
   * pass a prefix only when one page shows the same checkpoint and prompt twice.
   */
  idPrefix?: string;
  className?: string;
}

export function SamplePreview({ checkpoint, seed, prompt, size = 120, idPrefix = "sp", className }: SamplePreviewProps) {
  const samplePrompt = typeof prompt === "string" ? SAMPLE_PROMPTS.find((p) => p.id === prompt) : prompt;
  if (!samplePrompt) throw new Error(`Unknown sample prompt: ${String(prompt)}`);
  const image = buildSamplePreview({ checkpoint, seed, prompt: samplePrompt });
  const filterId = `${idPrefix}-${seed}-${checkpoint.epoch}-${samplePrompt.id}`;
  return (
    <svg
      viewBox="0 0 100 100"
      width={size}
      height={size}
      role="img"
      aria-label={image.description}
      className={className ? `sample-image ${styles.preview} ${className}` : `sample-image ${styles.preview}`}
      style={{ maxWidth: size }}
      data-detail={image.look.detail.toFixed(2)}
      data-prompt-follow={image.look.promptFollow.toFixed(2)}
    >
      {image.look.blur > 0 && (
        <defs>
          <filter id={filterId} x="-10%" y="-10%" width="120%" height="120%">
            <feGaussianBlur stdDeviation={image.look.blur} />
          </filter>
        </defs>
      )}
      <g filter={image.look.blur > 0 ? `url(#${filterId})` : undefined}>{image.shapes.map(renderShape)}</g>
      {image.overlay.map(renderShape)}
    </svg>
  );
}

function renderShape(shape: PreviewShape, index: number) {
  switch (shape.kind) {
    case "rect":
      return <rect key={index} x={shape.x} y={shape.y} width={shape.width} height={shape.height} rx={shape.rx} fill={shape.fill} opacity={shape.opacity} />;
    case "circle":
      return <circle key={index} cx={shape.cx} cy={shape.cy} r={shape.r} fill={shape.fill} opacity={shape.opacity} />;
    case "ellipse":
      return <ellipse key={index} cx={shape.cx} cy={shape.cy} rx={shape.rx} ry={shape.ry} fill={shape.fill} opacity={shape.opacity} />;
    case "path":
      return <path key={index} d={shape.d} fill={shape.fill} stroke={shape.stroke} strokeWidth={shape.strokeWidth} strokeLinecap={shape.stroke ? "round" : undefined} opacity={shape.opacity} />;
  }
}
