import { describe, expect, it } from "vitest";
import { readStream } from "@/testing/answers";
import { withFinishMetadata } from "./finish-metadata";

const streamOf = <T>(chunks: T[]) => new ReadableStream<T>({ start: (c) => (chunks.forEach((x) => c.enqueue(x)), c.close()) });

describe("metadata at the finish of an answer's stream", () => {
  it("is worked out from the whole text and sent just before the finish chunk", async () => {
    const chunks = await readStream(
      withFinishMetadata(
        streamOf([
          { type: "text-start", id: "t" },
          { type: "text-delta", id: "t", delta: "I couldn't " },
          { type: "text-delta", id: "t", delta: "find this." },
          { type: "text-end", id: "t" },
          { type: "finish" },
        ] as const),
        (text) => ({ notFound: text === "I couldn't find this." }),
      ),
    );
    expect(chunks.map((c) => c.type)).toEqual(["text-start", "text-delta", "text-delta", "text-end", "message-metadata", "finish"]);
    expect(chunks[4]).toEqual({ type: "message-metadata", messageMetadata: { notFound: true } });
  });

  it("sends nothing when the stream ends without finishing (aborted)", async () => {
    const chunks = await readStream(withFinishMetadata(streamOf([{ type: "text-delta", id: "t", delta: "Partial" }] as const), () => ({ notFound: true })));
    expect(chunks.map((c) => c.type)).toEqual(["text-delta"]);
  });
});
