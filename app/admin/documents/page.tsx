import { notFound } from "next/navigation";
import { listDocuments } from "@/db/queries/documents";
import { DocumentTable } from "@/components/admin/document-table";
import { SampleOffer } from "@/components/admin/sample-offer";
import { UploadForm } from "@/components/admin/upload-form";
import { askerOf, currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { loadSamplesAction } from "../actions";

export default async function DocumentsPage() {
  const user = await currentUser();
  if (user?.role !== "admin") notFound(); // checked here too: a layout is not a security boundary
  const documents = await listDocuments(db(), askerOf(user));
  return (
    <section className="flex flex-col gap-6">
      <h2 className="text-lg font-medium">Documents</h2>
      <SampleOffer action={loadSamplesAction} compact={documents.length > 0} />
      <UploadForm />
      <DocumentTable initial={JSON.parse(JSON.stringify(documents))} />
    </section>
  );
}
