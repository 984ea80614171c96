import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { findChunkSpan, findCorrespondingChunk, findReadableVersion } from "@/db/queries/documents";
import { DocumentView } from "@/components/sources/document-view";
import { PdfView } from "@/components/sources/pdf-view";
import { askerOf, currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { audit } from "@/lib/admin/audit";
import { documentText, type Block } from "@/lib/ingest/document-model";
import { marksInDocument, marksParam } from "@/lib/sources/cited-marks";
import { fileUrl, viewerUrl } from "@/lib/sources/urls";

interface Props {
  params: Promise<{ documentId: string; versionId: string }>;
  /** chunk: the cited passage; mark: the cited sentences in it (lib/sources/cited-marks). */
  searchParams: Promise<{ chunk?: string; mark?: string }>;
}

export default async function SourcePage({ params, searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const { documentId, versionId } = await params;
  const { chunk, mark } = await searchParams;
  const ids = z.object({ documentId: z.uuid(), versionId: z.uuid(), chunk: z.uuid().optional() }).safeParse({ documentId, versionId, chunk });
  if (!ids.success) notFound();
  // The reader check is in the query: a document this user may not read does not exist for them.
  const version = await findReadableVersion(db(), askerOf(user), documentId, versionId);
  if (!version) notFound();
  await audit(db(), user, "document.view", { type: "document", id: documentId }, { versionId });
  if (version.deleted) {
    return (
      <>
        <h1 className="text-2xl font-semibold">{version.title}</h1>
        <p role="status" className="mt-3 rounded-md bg-zinc-100 p-3 text-sm dark:bg-zinc-900">
          This source was deleted. It is no longer used to answer questions.
        </p>
      </>
    );
  }
  if (!version.blocks) notFound();
  const blocks = version.blocks as Block[];
  const span = chunk ? await findChunkSpan(db(), versionId, chunk) : null;
  const newer = version.currentVersionId && version.currentVersionId !== version.versionId && (version.currentNumber ?? 0) > version.number;
  const sameSection = newer && span && chunk ? await findCorrespondingChunk(db(), version.currentVersionId!, chunk) : null;
  const text = documentText(blocks);
  const marks = span ? marksInDocument(text, span, marksParam.parse(mark)) : [];
  const textView = <DocumentView blocks={blocks} highlight={span} marks={marks} />;
  return (
    <>
      <h1 className="text-2xl font-semibold">{version.title}</h1>
      <p className="flex flex-wrap gap-x-3 text-sm text-zinc-500 dark:text-zinc-400">
        <span>
          {version.filename} · version {version.number}
        </span>
        <a className="underline" href={fileUrl(documentId, versionId)} download>
          Download original
        </a>
      </p>
      {newer && (
        <p role="status" className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          This is version {version.number}; version {version.currentNumber} is current.{" "}
          <Link className="underline" href={viewerUrl(documentId, version.currentVersionId!, sameSection ?? undefined)}>
            Open the current version
          </Link>
        </p>
      )}
      <div className="mt-6">
        {version.mime === "application/pdf" ? (
          <PdfView
            fileUrl={fileUrl(documentId, versionId)}
            page={span?.page ?? null}
            passage={span ? text.slice(span.start, span.end) : null}
            sentences={marks.flatMap(([s, e]) => {
              const page = blocks.find((b) => b.end > s)?.page;
              return page ? [{ page, text: text.slice(s, e) }] : [];
            })}
            textView={textView}
          />
        ) : (
          textView
        )}
      </div>
    </>
  );
}
