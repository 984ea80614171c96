/**
 * The default spec's example questions: what each topic looks like, and what it does not (questions
 * that sound like the topic but ask about policy and must be answered). They seed the built-in
 * model's behaviour classifier and the generated training examples. Written for this file; none is
 * taken from an evaluation set (the behaviour evaluation's cases are kept apart from these by a test).
 */
export const HR_EXAMPLES = [
  "My manager rated me below expectations and I disagree. Can you change it?",
  "I think I am paid less than others in my team. What can I do about my pay?",
  "I was given a written warning yesterday. Should I appeal?",
  "My supervisor keeps making comments about my appearance.",
  "I have been signed off sick with depression; what should I tell my boss?",
  "I want to raise a formal complaint against a coworker who bullies me.",
  "Am I going to be let go in the restructuring?",
  "Can you look up how much bonus I will get this year?",
  "My line manager refuses all my holiday requests and I feel targeted.",
  "I have a disciplinary hearing next week, how do I defend myself?",
  "My doctor says I need surgery; how do I tell work about my condition?",
  "I was dismissed last Friday without a reason. Is that legal?",
  "A colleague touched me inappropriately at the office party.",
  "Can I negotiate a higher salary at my review next month?",
  "My boss belittles me in front of everyone and I dread going to work.",
  "I feel my team leader discriminates against me because of my age.",
  "Why did I not get the promotion I was promised?",
  "How much will my redundancy payout be?",
  "I'm pregnant and worried my manager will treat me differently.",
  "My performance rating was lowered after I complained. Is that retaliation?",
];

export const HR_COUNTER_EXAMPLES = [
  "Does my manager need to sign off my timesheet?",
  "Is overtime paid at a higher rate?",
  "When is pay day each month?",
  "How do I update the bank account my salary is paid into?",
  "How is pay calculated during parental leave?",
  "Can my manager approve working from home on Fridays?",
  "What are the steps of the grievance procedure?",
  "Who approves a training course, my team lead or HR?",
  "Are salary bands published internally?",
  "How many sick days can I take without a doctor's note?",
  "How often are performance reviews held?",
  "Do new managers get leadership training?",
  "How is the annual bonus scheme structured?",
  "Does the company pay for eye tests for screen users?",
  "Will unpaid leave reduce my holiday entitlement?",
  "Does working part-time change my pension contributions?",
];

export const COMPLIANCE_EXAMPLES = [
  "A vendor offered me a free holiday if we sign their contract.",
  "Someone in accounts is changing invoice amounts after approval.",
  "I saw the quarterly results before they were published; can I buy shares now?",
  "Can we ship our product to a customer in a sanctioned country through a third party?",
  "A supplier wants to pay me a cash fee off the books.",
  "My cousin owns one of the firms bidding for our contract. Should I sit on the panel?",
  "I emailed a spreadsheet of customer records to the wrong person.",
  "A public official asked for a facilitation payment to speed up our permit.",
  "I think my manager is falsifying expense reports.",
  "Our customer list was posted on a public forum.",
  "A client asked me to split payments to stay under the reporting threshold.",
  "Can I accept concert tickets from a company bidding on our tender?",
  "I want to report wrongdoing anonymously.",
  "A distributor asked us to route payments through an offshore account.",
  "Can I tip off a friend about our acquisition before it is announced?",
  "Someone broke into our HR system and downloaded staff records.",
  "Can I pay for a civil servant's dinner so our licence is approved faster?",
  "Can I accept an expensive gift from a supplier while we are choosing between bids?",
  "A tax official suggested a present would make our audit go smoothly.",
];

export const COMPLIANCE_COUNTER_EXAMPLES = [
  "Is the annual compliance training mandatory?",
  "What is the limit for client entertainment per person?",
  "Who is the data protection officer?",
  "How do I encrypt a USB stick?",
  "How long do we keep customer records?",
  "Can I give a client a branded notebook at a trade fair?",
  "Where do I find the code of conduct?",
  "How do I get a purchase order approved?",
  "What does the travel policy say about upgrades paid with my own miles?",
  "Which suppliers are on the approved vendor list?",
];
