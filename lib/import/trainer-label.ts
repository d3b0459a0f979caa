// The trainers whose folders the import reads, as the pages name them.

export const TRAINER_LABELS = { kohya: "kohya sd-scripts", "ai-toolkit": "ai-toolkit" } as const;

/** Where an imported run came from, in words: the trainer's name, or "a trainer's folder" when its files did not say. */
export function trainerLabel(trainer: string | null): string {
  if (trainer === null) return "a trainer's folder";
  return Object.prototype.hasOwnProperty.call(TRAINER_LABELS, trainer) ? TRAINER_LABELS[trainer as keyof typeof TRAINER_LABELS] : trainer;
}
