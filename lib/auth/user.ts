import type { Asker } from "@/db/queries/access";

/** The signed-in user as the product's logic sees it (framework-free: no session code here). */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: "admin" | "employee";
}

export function askerOf(user: CurrentUser): Asker {
  return { userId: user.id, isAdmin: user.role === "admin" };
}
