import type { PromptSource } from "../lib/ai/prompt";

/** Four short policy passages, as the chat gives sources to a model: the built-in model's tests answer from them. */
export const TRAVEL: PromptSource = {
  n: 1,
  title: "Travel Policy",
  headingPath: ["Travel Policy", "Booking"],
  page: 2,
  text:
    "## Booking travel\n" +
    "All business travel must be booked through the Navan travel portal at least 14 days before departure. " +
    "Economy class is standard for flights under six hours. Business class may be booked for flights of six hours " +
    "or longer with written approval from your director.\n\n" +
    "Travel insurance is provided by the company, so you do not need to buy your own. Hotels should be booked " +
    "near the client site; the nightly limit is €180 in capital cities and €130 elsewhere.",
};
export const EXPENSES: PromptSource = {
  n: 2,
  title: "Expenses Policy",
  headingPath: ["Expenses", "Claims"],
  text:
    "Submit expense claims in Workday within 30 days of the expense being incurred. " +
    "Every claim over €25 needs an itemised receipt; photos of receipts are accepted.\n\n" +
    "- Meals while travelling are reimbursed up to €60 per day.\n" +
    "- Alcohol, personal entertainment and traffic fines are not reimbursed.\n" +
    "- Mileage for private cars is paid at €0.30 per km, e.g. for client visits.",
};
export const LEAVE: PromptSource = {
  n: 3,
  title: "Leave Policy",
  headingPath: ["Leave"],
  page: 1,
  text:
    "Full-time employees receive 25 days of paid annual leave per calendar year. Up to 5 unused days can be " +
    "carried over to the next year and must be taken by 31 March. Requests for more than 10 consecutive days " +
    "need manager approval at least one month in advance. Sick leave does not count against annual leave.",
};
export const SECURITY: PromptSource = {
  n: 4,
  title: "IT Security Standard",
  headingPath: ["Security", "Devices"],
  text:
    "Laptops must have full-disk encryption enabled and lock automatically after 5 minutes of inactivity. " +
    "Passwords must be at least 14 characters long and must not be reused across systems. " +
    "Report a lost or stolen device to the IT service desk within 24 hours. " +
    "Never share your multi-factor authentication codes, even with IT staff.",
};
export const SOURCES = [TRAVEL, EXPENSES, LEAVE, SECURITY];
