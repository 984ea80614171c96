import { describe, expect, it } from "vitest";
import { listDocuments } from "@/db/queries/documents";
import { askerOf } from "@/lib/auth/user";
import { db } from "@/lib/db";
import { acceptUpload } from "@/lib/ingest/upload";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { documentFiltersSchema } from "./filters";

/** A policy with `sections` sections: more sections, more chunks and more bytes. */
function policy(title: string, sections: number) {
  const body = Array.from({ length: sections }, (_, i) => `## Rule ${i + 1}\n\nStaff must follow rule ${i + 1} of this policy on every working day of the year.\n`);
  return `# ${title}\n\n${body.join("\n")}`;
}

describe("the documents table's order", () => {
  it("sorts in the query by a validated column, both ways, and ignores an unknown one", async () => {
    const admin = await createTestUser("admin");
    const code = Math.random().toString(36).slice(2, 10);
    // Uploaded in this order, so newest first is C, A, B; by chunks B > C > A; by title A, B, C.
    for (const [title, sections] of [["Beta", 6], ["Alpha", 1], ["Gamma", 3]] as const) {
      await acceptUpload({ filename: `${title.toLowerCase()}-${code}.md`, bytes: Buffer.from(policy(`${title} ${code}`, sections)), uploadedBy: admin.id });
    }
    await drainQueue();
    const titles = async (params: Record<string, string>) =>
      (await listDocuments(db(), askerOf(admin), documentFiltersSchema.parse({ q: code, ...params }))).map((d) => d.title.split(" ")[0]);

    expect(await titles({})).toEqual(["Gamma", "Alpha", "Beta"]);
    expect(await titles({ sort: "title", dir: "asc" })).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(await titles({ sort: "title", dir: "desc" })).toEqual(["Gamma", "Beta", "Alpha"]);
    expect(await titles({ sort: "chunks", dir: "desc" })).toEqual(["Beta", "Gamma", "Alpha"]);
    expect(await titles({ sort: "chunks", dir: "asc" })).toEqual(["Alpha", "Gamma", "Beta"]);
    expect(await titles({ sort: "size", dir: "asc" })).toEqual(["Alpha", "Gamma", "Beta"]);
    expect(await titles({ sort: "date", dir: "asc" })).toEqual(["Beta", "Alpha", "Gamma"]);
    // Anything else in the URL is no order at all: newest first, as by default.
    expect(await titles({ sort: "title; DROP TABLE documents", dir: "sideways" })).toEqual(["Gamma", "Alpha", "Beta"]);
  });
});
