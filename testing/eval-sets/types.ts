/**
 * The shape of a document source that testing/eval-sets/render.ts renders into a PDF (one PDF page per
 * source page) or a DOCX (the pages run on): its file name under documents/ (a reader-group folder
 * such as "managers/" included), title and pages. Each page is a list of lines in a small line
 * format (parsed by ./line-format.ts):
 *
 *   "# text"   title          "## text"  section heading     "### text"  sub-heading
 *   "- text"   bullet         "> text"   note (small italic) "| a | b |"  table row (the first row of
 *   ""         small gap                                     consecutive rows is the header)
 *   anything else: a paragraph
 */
export interface DocumentSource {
  file: string;
  title: string;
  /** Short name for the running header, e.g. the policy code. */
  short: string;
  subject: string;
  pages: string[][];
}
