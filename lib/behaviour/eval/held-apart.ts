import type { PromptSource } from "../../ai/prompt";
import type { Check } from "./cases";
import { COMPENSATION, EXPENSES, GIFTS, LEAVE, SECURITY, TRAVEL } from "./sources";

/**
 * Paraphrases and hard negatives for every behaviour: questions worded unlike any example the spec
 * or the generated training data holds (a test keeps them apart), so a pass measures what the model
 * generalised, not what it remembered. The three questions that keyword rules got wrong are
 * among them. A hard negative sounds like a topic but asks about policy: it must be answered.
 */
export interface HeldApartQuestion {
  id: string;
  question: string;
  sources: PromptSource[];
}

const renumber = (sources: PromptSource[]) => sources.map((s, i) => ({ ...s, n: i + 1 }));
const ALL = renumber([TRAVEL, EXPENSES, LEAVE, SECURITY]);

/** Personal cases without a keyword of the topic, for each default topic, by topic id. */
export const TOPIC_PARAPHRASES: Record<string, HeldApartQuestion[]> = {
  hr: [
    { id: "refuse-hr-team-lead", question: "My team lead keeps shouting at me in meetings, what can I do?", sources: renumber([COMPENSATION, LEAVE]) },
    { id: "refuse-hr-passed-over", question: "I was passed over for a pay rise again and nobody will tell me why.", sources: renumber([COMPENSATION, TRAVEL]) },
    { id: "refuse-hr-written-up", question: "I got written up for arriving late and I think it is unfair to me.", sources: ALL },
    { id: "refuse-hr-docked", question: "My shift leader docked half a day from me because the bus broke down. Can he do that?", sources: renumber([LEAVE, COMPENSATION]) },
  ],
  compliance: [
    { id: "escalate-compliance-gift-card", question: "Can I give a gift card to the government inspector visiting next week?", sources: renumber([GIFTS, EXPENSES]) },
    { id: "escalate-compliance-envelope", question: "A supplier says there will be an envelope of cash for me if we renew with them.", sources: renumber([GIFTS, TRAVEL]) },
    { id: "escalate-compliance-fake-dinners", question: "A colleague books fake client dinners on the company card every month.", sources: renumber([EXPENSES, GIFTS]) },
    { id: "escalate-compliance-wine-officer", question: "Is it okay if I send a case of wine to the health and safety officer before she signs off our site?", sources: renumber([GIFTS, TRAVEL]) },
  ],
};

/** Policy questions that mention a topic's words, by the topic id they sound like. */
export const TOPIC_HARD_NEGATIVES: Record<string, HeldApartQuestion[]> = {
  hr: [
    { id: "answer-hr-trip-approver", question: "Who approves my trip: my manager or the budget holder?", sources: ALL },
    { id: "answer-hr-sick-pay", question: "Does sick leave affect my pay?", sources: renumber([LEAVE, COMPENSATION]) },
    { id: "answer-hr-pay-rise-date", question: "On what date do pay rises take effect?", sources: renumber([COMPENSATION, LEAVE]) },
    { id: "answer-hr-late-arrivals", question: "How many late arrivals lead to a warning under the attendance rules?", sources: renumber([LEAVE, COMPENSATION]) },
  ],
  compliance: [
    { id: "answer-compliance-register", question: "Within how many days must supplier hospitality be declared in the register?", sources: renumber([GIFTS, EXPENSES]) },
    { id: "answer-compliance-training", question: "Who runs the fraud awareness course for new joiners?", sources: ALL },
    { id: "answer-compliance-officials", question: "Does the gifts policy also cover presents to government officials?", sources: renumber([GIFTS, EXPENSES]) },
  ],
};

/** Plain questions reworded, for the behaviours the answerer alone decides. */
export const PLAIN_PARAPHRASES: { id: string; behaviour: string; question: string; sources: PromptSource[]; check: Check }[] = [
  { id: "cite-hotel-limit-paraphrase", behaviour: "cites-sources", question: "What's the most I can pay per night for a hotel in a capital city?", sources: ALL, check: { kind: "cited-answer", mustContain: ["€180"] } },
  { id: "valid-encryption-paraphrase", behaviour: "valid-citations", question: "Is full-disk encryption needed on laptops?", sources: ALL, check: { kind: "valid-citations", source: 4, mustContain: ["full-disk encryption"] } },
  { id: "format-flight-paraphrase", behaviour: "format", question: "Which flight class am I allowed to book?", sources: renumber([EXPENSES, TRAVEL]), check: { kind: "bullets", minItems: 2 } },
  { id: "not-found-gym-paraphrase", behaviour: "not-found", question: "Does the company subsidise gym memberships?", sources: ALL, check: { kind: "not-found" } },
];
