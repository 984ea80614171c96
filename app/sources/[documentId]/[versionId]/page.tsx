import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { findChunkSpan, findReadableVersion } from "@/db/queries/documents";
import { DocumentView } from "@/components/sources/document-view";
import { askerOf, currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { audit } from "@/lib/admin/audit";
import type { Block } from "@/lib/ingest/document-model";

interface Props {
  params: Promise<{ documentId: string; versionId: string }>;
  searchParams: Promise<{ chunk?: string }>;
}

export default async function SourcePage({ params, searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const { documentId, versionId } = await params;
  const { chunk } = await searchParams;
  const ids = z.object({ documentId: z.uuid(), versionId: z.uuid(), chunk: z.uuid().optional() }).safeParse({ documentId, versionId, chunk });
  if (!ids.success) notFound();
  // The reader check is in the query: a document this user may not read does not exist for them.
  const version = await findReadableVersion(db(), askerOf(user), documentId, versionId);
  if (!version) notFound();
  await audit(db(), user, "document.view", { type: "document", id: documentId }, { versionId });
  if (version.deleted) {
    return (
      <div className="mx-auto max-w-3xl p-6">
        <h1 className="text-2xl font-semibold">{version.title}</h1>
        <p role="status" className="mt-3 rounded-md bg-zinc-100 p-3 text-sm dark:bg-zinc-900">
          This source was deleted. It is no longer used to answer questions.
        </p>
      </div>
    );
  }
  if (!version.blocks) notFound();
  const span = chunk ? await findChunkSpan(db(), versionId, chunk) : null;
  const newer = version.currentVersionId && version.currentVersionId !== version.versionId && (version.currentNumber ?? 0) > version.number;
  return (
    <div className="mx-auto max-w-3xl p-6">
      <Link href="/" className="text-sm underline">
        ← Back to chat
      </Link>
      <h1 className="mt-4 text-2xl font-semibold">{version.title}</h1>
      <p className="text-sm text-zinc-500">
        {version.filename} · version {version.number}
      </p>
      {newer && (
        <p role="status" className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          This is version {version.number}; version {version.currentNumber} is current.{" "}
          <Link className="underline" href={`/sources/${documentId}/${version.currentVersionId}`}>
            Open the current version
          </Link>
        </p>
      )}
      <div className="mt-6">
        <DocumentView blocks={version.blocks as Block[]} highlight={span} />
      </div>
    </div>
  );
}
