import type { UIMessage } from "ai";

/** What the UI shows for one numbered source; streamed before the answer text. */
export interface SourceRef {
  n: number;
  documentId: string;
  versionId: string;
  versionNumber: number;
  chunkId: string;
  title: string;
  headingPath: string[];
  /** The page of the (first) cited sentence once the answer is complete, else where the passage starts. */
  page: number | null;
  snippet: string;
  /** The cited sentences as offsets into the chunk's text, once the answer is complete and they were located. */
  marks?: [number, number][];
}

export interface ChatMetadata {
  /** The model that produced an assistant message. */
  model?: string;
  /** Set when an answer states facts but cites nothing. */
  ungrounded?: boolean;
  /** Set when the answer says the documents do not cover the question. */
  notFound?: boolean;
  /** Set when generation was stopped (Stop, or the tab closed) and the answer is partial. */
  stopped?: boolean;
}

export type ChatDataParts = { sources: SourceRef[] };

/** The one message type used by the route, the store and the components. */
export type ChatMessage = UIMessage<ChatMetadata, ChatDataParts>;
