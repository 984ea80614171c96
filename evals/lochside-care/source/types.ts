/**
 * Lochside Care Trust's documents as line-format sources (testing/eval-sets/types.ts): one entry per
 * page for the PDFs; the DOCX, Markdown and HTML files run their pages on.
 */
export type { DocumentSource } from "../../../testing/eval-sets/types";

/** Author and creator in the generated files' properties. */
export const AUTHOR = "Lochside Care Trust";
