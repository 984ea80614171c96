/**
 * Tawhiti Hospitality Group's documents as line-format sources (testing/eval-sets/types.ts): one
 * entry per page for the PDFs; the DOCX files run their pages on. The PDFs use pdfkit's standard
 * Helvetica, which has no macronised vowels, so the PDF sources write Maori words without macrons
 * (or avoid them); the DOCX, Markdown and HTML documents use macrons.
 */
export type { DocumentSource } from "../../../testing/eval-sets/types";

/** Author and creator in the generated files' properties. */
export const AUTHOR = "Tawhiti Hospitality Group Limited";
