import { notFound } from "next/navigation";
import { z } from "zod";
import { findDocument, listGroups, listVersions } from "@/db/queries/document-admin";
import { DocumentActions } from "@/components/admin/document-actions";
import { ReadersForm } from "@/components/admin/readers-form";
import { TitleForm } from "@/components/admin/title-form";
import { UploadForm } from "@/components/admin/upload-form";
import { VersionHistory } from "@/components/admin/version-history";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { deleteAction, reindexAction, retitleAction, setReadersAction } from "./actions";

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (user?.role !== "admin") notFound();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const doc = await findDocument(db(), id);
  if (!doc) notFound();
  const [versions, groups] = await Promise.all([listVersions(db(), id), listGroups(db())]);
  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold">{doc.title}</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{doc.filename}</p>
      </div>
      <TitleForm action={retitleAction.bind(null, id)} title={doc.title} />
      <DocumentActions reindex={reindexAction.bind(null, id)} remove={deleteAction.bind(null, id)} />
      <UploadForm groups={[]} documentId={id} maxBytes={env().UPLOAD_MAX_BYTES} />
      <ReadersForm
        action={setReadersAction.bind(null, id)}
        everyone={doc.readableByEveryone}
        selected={doc.groupIds}
        groups={groups}
      />
      <VersionHistory versions={JSON.parse(JSON.stringify(versions))} currentVersionId={doc.currentVersionId} documentId={id} />
    </section>
  );
}
