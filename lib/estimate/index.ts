// Time and cost of a run on real hardware, from published step times (pure; server and browser).
export * from "./step-times";
export * from "./estimate";
