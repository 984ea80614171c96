import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { listUserChoices } from "@/db/queries/users";
import { RetrievalForm } from "@/components/admin/retrieval-form";
import { RetrievalResults } from "@/components/admin/retrieval-results";
import { activeEmbedder } from "@/lib/embeddings/registry";
import { askerOf, currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { inspectRetrieval } from "@/lib/retrieval/inspect";
import { describeKeywordRanking, keywordRankingInUse } from "@/lib/retrieval/retrieve";

export const metadata: Metadata = { title: "Retrieval console" };

const querySchema = z.object({
  q: z.string().trim().max(2000).optional().catch(undefined),
  as: z.uuid().optional().catch(undefined),
  after: z.string().trim().max(2000).optional().catch(undefined),
});

/** The admin retrieval console: what the chat retrieves for a question, as any user would get it. */
export default async function RetrievalConsolePage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const admin = await currentUser();
  if (admin?.role !== "admin") notFound(); // checked here too: a layout is not a security boundary
  const { q, as, after } = querySchema.parse(await searchParams);
  const users = await listUserChoices(db());
  const target = as ? users.find((u) => u.id === as) : admin;
  const question = q?.slice(0, env().QUESTION_MAX_CHARS);
  const inspection = question && target ? await inspectRetrieval(askerOf(target), question, after || undefined) : null;
  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">Retrieval console</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="retrieval-config">
          Keyword ranking: {describeKeywordRanking(await keywordRankingInUse())} · Embedding model: {(await activeEmbedder()).id} · Rerank:{" "}
          {env().RERANK_PROVIDER === "off" ? "off" : env().RERANK_MODEL}
        </p>
      </div>
      <RetrievalForm
        users={users.map((u) => ({ id: u.id, label: `${u.name} <${u.email}>${u.role === "admin" ? " (admin)" : ""}${u.active ? "" : " (inactive)"}` }))}
        values={{ q: q ?? "", as: target?.id ?? admin.id, after: after ?? "" }}
      />
      {as && !target && <p role="alert">That user does not exist.</p>}
      {inspection && target && <RetrievalResults inspection={JSON.parse(JSON.stringify(inspection))} asUser={target.email} />}
    </section>
  );
}
