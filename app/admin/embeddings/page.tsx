import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listEmbeddingModels } from "@/db/queries/embedding-models";
import { EmbeddingModelTable } from "@/components/admin/embedding-model-table";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { registerConfiguredEmbeddingModels } from "@/lib/embeddings/registry";
import { cancelSwitchAction, dropVectorsAction, startSwitchAction } from "./actions";

export const metadata: Metadata = { title: "Embedding models" };

export const dynamic = "force-dynamic";

export default async function EmbeddingsPage() {
  const user = await currentUser();
  if (user?.role !== "admin") notFound(); // checked here too: a layout is not a security boundary
  await registerConfiguredEmbeddingModels();
  const models = await listEmbeddingModels(db());
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">Embedding models</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        The active model embeds questions and documents. Switching re-embeds every document in the background while the
        active model keeps answering; the new model takes over in one step once all its vectors and its index are ready.
      </p>
      <EmbeddingModelTable
        models={models.map((m) => ({ id: m.id, provider: m.provider, dimensions: m.dimensions, status: m.status, totalChunks: m.totalChunks, embeddedChunks: m.embeddedChunks, error: m.error }))}
        start={startSwitchAction}
        cancel={cancelSwitchAction}
        drop={dropVectorsAction}
      />
    </section>
  );
}
