// What a reviewer's answer means for the pair on screen: A and B are shown in
// random order, so "left" is A only when A was drawn on the left.
export type ComparisonChoice = "left" | "right" | "tie";

/**
 * The checkpoint chosen, or null for "can't tell".
 * @example chosenCheckpoint({ a: 3, b: 5, aOnLeft: false }, "left") // → 5
 */
export function chosenCheckpoint<T>(pair: { a: T; b: T; aOnLeft: boolean }, choice: ComparisonChoice): T | null {
  if (choice === "tie") return null;
  return (choice === "left") === pair.aOnLeft ? pair.a : pair.b;
}
