export * from "./users";
export * from "./documents";
export * from "./jobs";
export * from "./chat";
export * from "./feedback";
export * from "./audit";
export * from "./behaviour";
export * from "./access";
