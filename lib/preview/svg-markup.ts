// A sample preview as a standalone SVG document, for the run page's sample grid:
// served as images, the grid costs the page no markup to hydrate and no script.
// Draws exactly what app/ui/sample-preview.tsx draws, shape for shape.
import type { PreviewShape, SamplePreviewImage } from "./types";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"]/g, (character) => ESCAPES[character]);
}

function attributes(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
    .join("");
}

function shapeMarkup(shape: PreviewShape): string {
  switch (shape.kind) {
    case "rect":
      return `<rect${attributes({ x: shape.x, y: shape.y, width: shape.width, height: shape.height, rx: shape.rx, fill: shape.fill, opacity: shape.opacity })}/>`;
    case "circle":
      return `<circle${attributes({ cx: shape.cx, cy: shape.cy, r: shape.r, fill: shape.fill, opacity: shape.opacity })}/>`;
    case "ellipse":
      return `<ellipse${attributes({ cx: shape.cx, cy: shape.cy, rx: shape.rx, ry: shape.ry, fill: shape.fill, opacity: shape.opacity })}/>`;
    case "path":
      return `<path${attributes({
        d: shape.d,
        fill: shape.fill,
        stroke: shape.stroke,
        "stroke-width": shape.strokeWidth,
        "stroke-linecap": shape.stroke ? "round" : undefined,
        opacity: shape.opacity,
      })}/>`;
  }
}

/**
 * The image as an SVG file (viewBox 0 0 100 100, drawn at `size` pixels).
 * @example samplePreviewSvg(buildSamplePreview({ checkpoint, seed, prompt }), 88) // → '<svg xmlns=… width="88" …>…</svg>'
 */
export function samplePreviewSvg(image: SamplePreviewImage, size: number): string {
  const blurred = image.look.blur > 0;
  const filter = blurred ? `<defs><filter id="blur" x="-10%" y="-10%" width="120%" height="120%"><feGaussianBlur stdDeviation="${image.look.blur}"/></filter></defs>` : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="${size}" height="${size}">` +
    `<title>${escapeAttribute(image.description)}</title>` +
    filter +
    `<g${blurred ? ' filter="url(#blur)"' : ""}>${image.shapes.map(shapeMarkup).join("")}</g>` +
    image.overlay.map(shapeMarkup).join("") +
    `</svg>`
  );
}
