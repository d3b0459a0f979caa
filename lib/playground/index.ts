export * from "./state";
export * from "./controls";
export * from "./readout";
