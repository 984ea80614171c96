/**
 * The shape of a Brackenfield Systems document source: its file name, title and pages. Each page is
 * a list of lines, written in a small line format that build.ts renders into a PDF (one PDF page per
 * source page) or a DOCX (the pages run on):
 *
 *   "# text"   title          "## text"  section heading     "### text"  sub-heading
 *   "- text"   bullet         "> text"   note (small italic) "| a | b |"  table row (the first row of
 *   ""         small gap                                     consecutive rows is the header)
 *   anything else: a paragraph
 */
export interface DocumentSource {
  file: string;
  title: string;
  /** Short name for the running header. */
  short: string;
  subject: string;
  pages: string[][];
}

export const AUTHOR = "Brackenfield Systems, Inc.";
