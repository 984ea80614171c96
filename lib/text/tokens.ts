import { countTokens as countO200k, encode } from "gpt-tokenizer/model/gpt-4o";

/**
 * Tokens as OpenAI's current models count them (o200k): the tokenizer the fine-tuning datasets are
 * validated with, used wherever a real count is reported.
 */
export function countTokens(text: string): number {
  return countO200k(text);
}

/** The o200k token of `word` written after a space, when the vocabulary holds it whole. */
export function wholeWordToken(word: string): number | undefined {
  const tokens = encode(` ${word}`);
  return tokens.length === 1 ? tokens[0] : undefined;
}
