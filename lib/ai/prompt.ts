import { DEFAULT_BEHAVIOUR_SPEC, type BehaviourSpec } from "../behaviour/spec";
import { renderSpecRules } from "./spec-prompt";

/**
 * The system prompt: behaviour rules (rendered from the behaviour spec) followed by the retrieved
 * passages as numbered <source> blocks.
 *
 * The same text goes to every chat model, the built-in extractive one included: it reads its sources
 * back with parseSourcesFromPrompt and its rules with parseSpecFromPrompt, so whatever a hosted model
 * would see is exactly what it answers from.
 */

export interface PromptSource {
  /** Citation number, shown to the user as [n]. */
  n: number;
  title: string;
  /** Headings above the passage, outermost first. */
  headingPath: string[];
  page?: number | null;
  text: string;
}

const SECTION_SEPARATOR = " > ";

/**
 * Pure in (sources, spec): the fine-tuning data builder calls it for its training system messages.
 * `standalone` is a follow-up rewritten to stand alone ("what about contractors?" -> "annual leave
 * days for contractors"): every model is told what the conversation's last question means.
 */
export function buildSystemPrompt(sources: PromptSource[], spec: BehaviourSpec = DEFAULT_BEHAVIOUR_SPEC, standalone?: string): string {
  const rules = renderSpecRules(spec);
  const question = standalone ? `\n\n${STANDALONE_LEAD} ${JSON.stringify(standalone)}` : "";
  if (sources.length === 0) return `${rules}${question}\n\nNo sources were found for this question.`;
  return `${rules}${question}\n\nSources:\n\n${sources.map(formatSource).join("\n\n")}`;
}

const STANDALONE_LEAD = "The user's last message is a follow-up; on its own, it asks:";
const STANDALONE_RE = /^The user's last message is a follow-up; on its own, it asks: ("(?:[^"\\]|\\.)*")$/m;

/** Reads back the standalone question written by buildSystemPrompt, if any. */
export function parseStandaloneQuestion(system: string): string | undefined {
  const m = system.split("\n\nSources:\n\n")[0]!.match(STANDALONE_RE);
  return m ? (JSON.parse(m[1]!) as string) : undefined;
}

function formatSource(s: PromptSource): string {
  let attrs = `id="${s.n}" title="${escapeAttr(s.title)}"`;
  // Each heading is escaped on its own, so a literal " > " inside a heading cannot be confused with the separator.
  if (s.headingPath.length > 0) attrs += ` section="${s.headingPath.map(escapeAttr).join(SECTION_SEPARATOR)}"`;
  if (s.page != null) attrs += ` page="${s.page}"`;
  return `<source ${attrs}>\n${escapeBody(s.text)}\n</source>`;
}

const SOURCE_RE = /^<source id="(\d+)" title="([^"]*)"(?: section="([^"]*)")?(?: page="([^"]*)")?>\n([\s\S]*?)\n<\/source>$/gm;

/** Reads back the sources written by buildSystemPrompt; other text in the prompt is ignored. */
export function parseSourcesFromPrompt(system: string): PromptSource[] {
  return [...system.matchAll(SOURCE_RE)].map(([, id, title, section, page, text]) => ({
    n: Number(id),
    title: unescapeAttr(title ?? ""),
    headingPath: section ? section.split(SECTION_SEPARATOR).map(unescapeAttr) : [],
    ...(page ? { page: Number(page) } : {}),
    text: unescapeBody(text ?? ""),
  }));
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeAttr(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/*
 * Document text is untrusted: a passage containing "</source><source id=..." could otherwise end its
 * own block and forge another source. Only "<" before "source"/"/source" is escaped (plus any "&" that
 * would make an existing "&lt;source" ambiguous), so ordinary text reaches the model verbatim and the
 * round trip stays exact.
 */
function escapeBody(text: string): string {
  return text.replace(/&(?=(?:amp;)*lt;\/?source)/gi, "&amp;").replace(/<(?=\/?source)/gi, "&lt;");
}

function unescapeBody(text: string): string {
  return text.replace(/&lt;(?=\/?source)/gi, "<").replace(/&amp;(?=(?:amp;)*lt;\/?source)/gi, "&");
}
