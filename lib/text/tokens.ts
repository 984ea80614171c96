import { countTokens as countO200k } from "gpt-tokenizer/model/gpt-4o";

/**
 * Tokens as OpenAI's current models count them (o200k): the tokenizer the fine-tuning datasets are
 * validated with, used wherever a real count is reported.
 */
export function countTokens(text: string): number {
  return countO200k(text);
}
