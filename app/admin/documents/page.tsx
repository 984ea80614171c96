import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listGroups } from "@/db/queries/document-admin";
import { DEFAULT_DOCUMENT_ORDER, DOCUMENT_LIST_LIMIT, listDocuments } from "@/db/queries/documents";
import { DocumentFilters } from "@/components/admin/document-filters";
import { DocumentTable } from "@/components/admin/document-table";
import { ReindexShown } from "@/components/admin/reindex-shown";
import { SampleOffer } from "@/components/admin/sample-offer";
import { UploadForm } from "@/components/admin/upload-form";
import { askerOf, currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { describeKeywordRanking, keywordRankingInUse } from "@/lib/retrieval/retrieve";
import { loadSamplesAction, reindexShownAction } from "../actions";
import { documentFiltersSchema } from "./filters";

export const metadata: Metadata = { title: "Documents" };

export default async function DocumentsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await currentUser();
  if (user?.role !== "admin") notFound(); // checked here too: a layout is not a security boundary
  const filters = documentFiltersSchema.parse(await searchParams);
  const [documents, groups, ranking] = await Promise.all([listDocuments(db(), askerOf(user), filters), listGroups(db()), keywordRankingInUse()]);
  const { sort = DEFAULT_DOCUMENT_ORDER.sort, dir = DEFAULT_DOCUMENT_ORDER.dir, ...narrowing } = filters;
  const filtered = Object.values(narrowing).some(Boolean);
  const query = new URLSearchParams(JSON.parse(JSON.stringify(filters))).toString();
  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">Documents</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Keyword ranking in use: {describeKeywordRanking(ranking)}</p>
      </div>
      <SampleOffer action={loadSamplesAction} compact={documents.length > 0 || filtered} />
      <UploadForm groups={groups.map((g) => g.name)} maxBytes={env().UPLOAD_MAX_BYTES} />
      <DocumentFilters filters={filters} groups={groups} />
      {documents.length > 0 && <ReindexShown count={documents.length} more={documents.length >= DOCUMENT_LIST_LIMIT} filtered={filtered} reindex={reindexShownAction.bind(null, query)} />}
      <DocumentTable
        initial={JSON.parse(JSON.stringify(documents))}
        query={query}
        sort={{ column: sort, dir }}
      />
    </section>
  );
}
