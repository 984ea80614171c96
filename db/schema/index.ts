export * from "./users";
export * from "./documents";
export * from "./jobs";
export * from "./chat";
