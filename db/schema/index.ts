export * from "./auth";
export * from "./specialists";
export * from "./bookings";
export * from "./documents";
export * from "./audit";
export * from "./webhooks";
export * from "./operations";
export * from "./notifications";
