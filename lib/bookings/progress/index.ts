export * from "./transitions";
export * from "./evaluate-transition";
export * from "./change-progress";
export * from "./stage-names";
export * from "./messages";
export * from "./stage-groups";
