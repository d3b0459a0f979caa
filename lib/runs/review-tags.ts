// The loser tags and the reviewer name's length, on their own (no zod): the
// review pages' browser code reads them; review-schemas validates with them.

/** Tags a reviewer may put on the checkpoint that lost a comparison. */
export const LOSER_TAGS = ["fried", "rigid", "off-likeness", "ignores prompt"] as const;
export type LoserTag = (typeof LOSER_TAGS)[number];

export const REVIEWER_MAX_LENGTH = 60;
