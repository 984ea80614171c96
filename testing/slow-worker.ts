/**
 * A real worker process, exactly what `npm run worker` runs, except that its embedder pauses for
 * EMBED_PAUSE_MS after each batch: a window in which a test can kill it in the middle of a job.
 * The pause lives here, not in the product's loops.
 */
import { embedder } from "@/lib/embeddings";

const pauseMs = Number(process.env.EMBED_PAUSE_MS ?? 0);
const model = embedder();
const embed = model.embed.bind(model);
model.embed = async (texts) => {
  const vectors = await embed(texts);
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
  return vectors;
};
await import("../scripts/worker");
