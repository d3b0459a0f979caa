export * from "./axes";
export * from "./color";
export * from "./sweep";
export * from "./params";
