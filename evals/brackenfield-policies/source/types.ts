/**
 * Brackenfield Systems document sources use the shared line format (see testing/eval-sets/types.ts),
 * which build.ts renders into a PDF (one PDF page per source page) or a DOCX.
 */
export type { DocumentSource } from "../../../testing/eval-sets/types";

export const AUTHOR = "Brackenfield Systems, Inc.";
