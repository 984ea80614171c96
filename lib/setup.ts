import { countDocuments } from "@/db/queries/documents";
import { db } from "./db";

export async function hasDocuments(): Promise<boolean> {
  return (await countDocuments(db())) > 0;
}
