// Analysis of many runs: simulated populations and which settings matter. Pure.
export * from "./population";
export * from "./importance";
export * from "./axes";
export * from "./params";
