/**
 * A new conversation is named after its first question, the same on the server that stores it and
 * in the browser that shows it before any reload.
 */
export function titleFromQuestion(question: string): string {
  return question.slice(0, 80);
}
