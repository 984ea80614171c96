import { countDocuments } from "@/db/queries/documents";
import { countUsers } from "@/db/queries/users";
import { db } from "./db";

export async function isFreshInstall(): Promise<boolean> {
  return (await countUsers(db())) === 0;
}

export async function hasDocuments(): Promise<boolean> {
  return (await countDocuments(db())) > 0;
}
