/**
 * Alderbrook Manufacturing's documents as line-format sources (testing/eval-sets/types.ts): one entry
 * per page for the PDFs; the DOCX files run their pages on.
 */
export type { DocumentSource } from "../../../testing/eval-sets/types";

/** Author and creator in the generated files' properties. */
export const AUTHOR = "Alderbrook Manufacturing Co.";
