export * from "./state";
export * from "./controls";
export * from "./readout";
export * from "./chart-rows";
