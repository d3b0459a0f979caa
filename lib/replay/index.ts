// Early stopping replayed, overfit onset and best-versus-last (pure; server and browser).
export * from "./replay";
export * from "./lesson";
