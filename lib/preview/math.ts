// Small number helpers the preview's drawing shares.

export const clamp = (value: number, min = 0, max = 1) => Math.min(max, Math.max(min, value));
export const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
export const round = (value: number) => Math.round(value * 100) / 100;
