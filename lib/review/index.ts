// Blind review of checkpoints: pairwise votes, Bradley–Terry ratings, reviewer
// agreement and the choice of the next pair. Pure: no framework or database.
export * from "./votes";
export * from "./bradley-terry";
export * from "./agreement";
export * from "./scheduler";
