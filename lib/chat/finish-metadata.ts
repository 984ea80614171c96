import type { InferUIMessageChunk } from "ai";
import type { ChatMessage, ChatMetadata } from "./types";

type Chunk = InferUIMessageChunk<ChatMessage>;

/**
 * Sends metadata worked out from the whole streamed text just before the stream finishes, so the
 * client shows the server's verdict on the answer (e.g. "not found") at once, as it is stored.
 */
export function withFinishMetadata(stream: ReadableStream<Chunk>, metadataFor: (text: string) => ChatMetadata): ReadableStream<Chunk> {
  let text = "";
  return stream.pipeThrough(
    new TransformStream<Chunk, Chunk>({
      transform(chunk, controller) {
        if (chunk.type === "text-delta") text += chunk.delta;
        if (chunk.type === "finish") controller.enqueue({ type: "message-metadata", messageMetadata: metadataFor(text) });
        controller.enqueue(chunk);
      },
    }),
  );
}
