import { describe, expect, it } from "vitest";
import { SECURITY, SOURCES } from "@/testing/policy-sources";
import { ANSWERER_DEFAULTS, composeExtractiveAnswer, questionTerms, type TermWeights } from "./extractive-answer";
import type { PromptSource } from "./prompt";

const NOT_FOUND = "Not in the documents.";
const compose = (question: string, sources: PromptSource[] = SOURCES, weights?: TermWeights) =>
  composeExtractiveAnswer(question, sources, { notFound: NOT_FOUND, weights });

const EXPENSES_POLICY: PromptSource = {
  n: 1,
  title: "Expenses Policy",
  headingPath: ["Expenses Policy", "2. Reimbursable Expenses", "2.2 Non-Reimbursable Expenses"],
  text:
    "The following are never reimbursed, even with a receipt:\n\n- Alcohol, except at client meals approved in advance by a director.\n" +
    "- Traffic and parking fines, and clamping fees.\n- Gifts to colleagues, including farewell and birthday gifts.\n\n" +
    "Personal purchases on a corporate card are a breach of this policy.",
};
const LIMITS: PromptSource = {
  n: 2,
  title: "Expenses Policy",
  headingPath: ["Expenses Policy", "2.1 Spending Limits"],
  text: "| Category | Limit (USD) | Pre-approval |\n| --- | --- | --- |\n| Client meals | 85 per person | Above 600 total |\n| Team meals | 45 per person | Above 400 total |",
};

describe("composeExtractiveAnswer", () => {
  it("returns the cited source numbers and its evidence", () => {
    const answer = compose("Who approves business class flights?");
    expect(answer.text).toBe("Business class may be booked for flights of six hours or longer with written approval from your director. [1]");
    expect(answer.cited).toEqual([1]);
    expect(answer.evidence).toBeGreaterThan(0.45);
    expect(compose("")).toEqual({ text: NOT_FOUND, cited: [], evidence: 0, share: 0 });
  });

  it("quotes a sentence found in two passages only once", () => {
    expect(compose("How long must passwords be?", [SECURITY, { ...SECURITY, n: 7 }]).cited).toEqual([4]);
  });

  it("brings the list a lead-in sentence introduces", () => {
    expect(compose("What is never reimbursed?", [EXPENSES_POLICY]).text).toBe(
      "The following are never reimbursed, even with a receipt: [1]\n" +
        "- Alcohol, except at client meals approved in advance by a director. [1]\n" +
        "- Traffic and parking fines, and clamping fees. [1]\n" +
        "- Gifts to colleagues, including farewell and birthday gifts. [1]",
    );
  });

  it("quotes a list item chosen alone after its list's lead-in, which says what the item is", () => {
    // Alone, "Gifts to colleagues, ..." reads as if such gifts were covered.
    expect(compose("Can I expense a farewell gift for a colleague?", [EXPENSES_POLICY]).text).toBe(
      "The following are never reimbursed, even with a receipt: Gifts to colleagues, including farewell and birthday gifts. [1]",
    );
    // Two items of one list: the lead-in once, before the first quoted.
    const two = compose("Are parking fines or farewell gifts for colleagues reimbursed?", [EXPENSES_POLICY]).text.split("\n");
    expect(two).toHaveLength(2);
    expect(two[0]).toMatch(/^- The following are never reimbursed, even with a receipt: (?:Gifts to colleagues|Traffic and parking fines)/);
    expect(two[1]).toMatch(/^- (?:Gifts to colleagues|Traffic and parking fines)/);
  });

  it("quotes a row chosen beside the sentence introducing its table within the whole table, under that sentence", () => {
    const leave: PromptSource = {
      n: 1,
      title: "Leave Policy",
      headingPath: ["Leave Policy", "1.1 Entitlement"],
      text:
        "Annual leave accrues monthly from your first day. Entitlement grows with length of service:\n\n" +
        "| Years of service | Days per year |\n| --- | --- |\n| Less than 2 years | 22 |\n| 2 to 5 years | 25 |\n| More than 5 years | 28 |",
    };
    expect(compose("How many days of annual leave do I get?", [leave]).text).toBe(
      "Annual leave accrues monthly from your first day. Entitlement grows with length of service: [1]\n" +
        "- Years of service: Less than 2 years; Days per year: 22 [1]\n" +
        "- Years of service: 2 to 5 years; Days per year: 25 [1]\n" +
        "- Years of service: More than 5 years; Days per year: 28 [1]",
    );
    // The row the asker's own figure falls in still leads.
    expect(compose("I have been here 7 years. How many days of annual leave do I get?", [leave]).text.split("\n")[0]).toMatch(/^- Years of service: More than 5 years/);
  });

  it("brings the sentence after one that ends in a colon before a paragraph rather than a list", () => {
    const sharing: PromptSource = {
      n: 1,
      title: "Privacy Notice",
      headingPath: ["Privacy Notice", "5. Sharing"],
      text:
        "With your approval, we share the information you give us in the following ways:\n\n" +
        "Payment processors receive your card number to complete a purchase. They keep it for no longer than the purchase needs.",
    };
    // The colon's sentence is the best match; quoted alone, it would end on "in the following ways:".
    expect(compose("In what ways do you share the information I give you?", [sharing]).text).toBe(
      "With your approval, we share the information you give us in the following ways: Payment processors receive your card number to complete a purchase. [1]",
    );
  });

  it("leaves out a sentence ending in a colon with nothing after it in its passage, unless it is all there is", () => {
    const cut: PromptSource = { n: 1, title: "Select HMO", headingPath: ["Select HMO", "Hospital care"], text: "What you pay for a hospital stay under the Select HMO plan:" };
    const copay: PromptSource = { n: 2, title: "Select HMO", headingPath: ["Select HMO", "Hospital care"], text: "A hospital stay under the Select HMO plan costs a $500 copay per admission." };
    expect(compose("What do I pay for a hospital stay on the Select HMO plan?", [cut, copay]).text).toBe(
      "A hospital stay under the Select HMO plan costs a $500 copay per admission. [2]",
    );
    expect(compose("What do I pay for a hospital stay on the Select HMO plan?", [cut]).text).toBe("What you pay for a hospital stay under the Select HMO plan: [1]");
  });

  it("quotes each list item once, even when items score well on their own", () => {
    const text = compose("never reimbursed fines gifts alcohol", [EXPENSES_POLICY]).text;
    expect(text.split("\n")).toEqual([
      "The following are never reimbursed, even with a receipt: [1]",
      "- Alcohol, except at client meals approved in advance by a director. [1]",
      "- Traffic and parking fines, and clamping fees. [1]",
      "- Gifts to colleagues, including farewell and birthday gifts. [1]",
    ]);
  });

  it("quotes a table row with its column headers", () => {
    expect(compose("What's the limit for client meals?", [LIMITS]).text).toBe("Category: Client meals; Limit (USD): 85 per person; Pre-approval: Above 600 total [2]");
  });

  it("does not quote the headings a passage opens with, however long: they label its facts", () => {
    const rx: PromptSource = {
      n: 1,
      title: "Select HMO Summary Plan Description",
      headingPath: ["Prescription drugs", "Mail order or 90-day retail, up to a 90-day supply"],
      text: "Mail order or 90-day retail, up to a 90-day supply\n\n- Tier 1: $10 copay\n- Tier 2: $60 copay\n- Tier 3: $120 copay",
    };
    const answer = compose("What is the tier 2 copay for a 90 day supply by mail order?", [rx]);
    expect(answer.text).toContain("Tier 2: $60 copay [1]");
    expect(answer.text).not.toContain("Mail order or 90-day retail");
  });

  it("does not quote a numbered heading the passage opens with, which reads as a list item without its number", () => {
    const leave: PromptSource = {
      n: 1,
      title: "Leave and Time Off Policy",
      headingPath: ["Leave and Time Off Policy", "5. Unpaid Leave and Sabbaticals"],
      text: "5. Unpaid Leave and Sabbaticals\n\nAfter 3 years of service you may request unpaid leave of up to 3 months, or a sabbatical of up to 6 months after 5 years.",
    };
    expect(compose("Is there a sabbatical?", [leave]).text).toBe(
      "After 3 years of service you may request unpaid leave of up to 3 months, or a sabbatical of up to 6 months after 5 years. [1]",
    );
  });

  it("does not quote a link to the document's own title, in whatever case it is written", () => {
    const resources: PromptSource = { n: 1, title: "Advanced sick leave", headingPath: ["Resources"], text: "- Advanced Sick Leave\n- HR Links" };
    const rules: PromptSource = { n: 2, title: "Advanced sick leave", headingPath: [], text: "You can request up to 240 hours of advanced sick leave." };
    expect(compose("What about advanced sick leave?", [resources, rules]).text).toBe("You can request up to 240 hours of advanced sick leave. [2]");
  });

  it("prefers the sentence carrying the figure when the question asks how many, how much or how long", () => {
    const source: PromptSource = {
      n: 1, title: "Leave", headingPath: [],
      text: "Annual leave is booked in Workday and approved by your manager. Full-time staff receive 25 days of annual leave.",
    };
    expect(compose("How many days of annual leave do I get?", [source]).text).toBe("Full-time staff receive 25 days of annual leave. [1]");
  });

  it("is not sunk by words about the document or by words the index does not have", () => {
    const weights: TermWeights = { chunks: 1000, df: new Map([["password", 3], ["charact", 40], ["long", 200], ["secur", 50], ["mean", 300]]) };
    const plain = compose("How long must passwords be?", SOURCES, weights);
    const chatty = compose("According to the IT security pdf, could you explain how long passwrds must be, the passwords I mean?", SOURCES, weights);
    expect(chatty.text).toBe(plain.text);
    expect(plain.text).toContain("at least 14 characters");
  });

  it("weighs words by the whole index, not by the passages it was given", () => {
    // "director" is rare in the index, "flights" common: the director sentence wins.
    const weights: TermWeights = { chunks: 10_000, df: new Map([["flight", 3000], ["director", 5], ["approv", 900]]) };
    expect(compose("flights approval director", SOURCES, weights).text).toContain("written approval from your director");
  });

  it("declines when the best sentence covers too little of the question", () => {
    const weights: TermWeights = { chunks: 10_000, df: new Map([["capit", 40], ["franc", 0], ["presid", 0]]) };
    expect(compose("What is the capital of France and who is its president?", SOURCES, weights).text).toBe(NOT_FOUND);
  });

  it("measures a long question against at most seven of its words' weight, and reports the share of all of them", () => {
    // A dozen words of equal weight, the row holding three (and the phrase "client meal").
    const question = "Three visitors from a supplier and colleagues celebrating an anniversary, a steakhouse downtown after the factory tour this evening: what is the client meal limit?";
    const words = questionTerms(question).length;
    const weights: TermWeights = { chunks: 1000, df: new Map(questionTerms(question).map((t) => [t, 50])) };
    expect(words).toBeGreaterThan(ANSWERER_DEFAULTS.sentenceTerms);
    const long = compose(question, [LIMITS], weights);
    expect(long.text).toContain("85 per person");
    expect(long.share).toBeLessThan(ANSWERER_DEFAULTS.minEvidence);
    expect(long.evidence).toBeCloseTo((long.share * words) / ANSWERER_DEFAULTS.sentenceTerms, 10);
    // Seven words or fewer are measured whole.
    const short = compose("steakhouse downtown factory tour client meal limit?", [LIMITS], weights);
    expect(short.evidence).toBe(short.share);
  });

  it("answers a follow-up only with a sentence that speaks to its own words, not only to the conversation's", () => {
    const weights: TermWeights = { chunks: 1000, df: new Map([["capit", 5], ["franc", 0], ["tokyo", 0], ["day", 100], ["leav", 50], ["annual", 30], ["carri", 20]]) };
    const followUp = (question: string) => composeExtractiveAnswer(question, SOURCES, { notFound: NOT_FOUND, weights, standalone: `${question} days annual leave` });
    expect(followUp("What is the capital of France?").text).toBe(NOT_FOUND);
    expect(followUp("And in Tokyo?").text).toBe(NOT_FOUND); // none of its own words is in the index
    expect(followUp("And how many can be carried over?").text).toContain("Up to 5 unused days");
  });

  it("counts a word in no chunk against the answer, but not a word the index drops as a stop word", () => {
    // In the index's statistics a word in no chunk has 0; a stop word of its text search has no entry.
    const weights = (extra: [string, number][]): TermWeights => ({ chunks: 1000, df: new Map([["client", 20], ["meal", 30], ["limit", 60], ...extra]) });
    const plain = compose("What is the client meal limit?", [LIMITS], weights([]));
    expect(compose("What is the client meal limit now?", [LIMITS], weights([])).evidence).toBe(plain.evidence);
    expect(compose("What is the client meal limit in Osaka?", [LIMITS], weights([["osaka", 0]])).evidence).toBeLessThan(plain.evidence);
  });

  it("does not count a story detail the index lacks against the answer, only a word the question sentence asks with", () => {
    const weights: TermWeights = { chunks: 1000, df: new Map([["client", 20], ["meal", 30], ["limit", 60], ["osaka", 0], ["tuesday", 0]]) };
    const plain = compose("What is the client meal limit?", [LIMITS], weights);
    // "Tuesday" is only in the asker's statement: what is asked is the limit.
    const told = compose("I have a dinner on Tuesday. What is the client meal limit?", [LIMITS], weights);
    expect(told.evidence).toBe(plain.evidence);
    expect(told.text).toBe(plain.text);
    // Typed in lower case, the statement is still one.
    const typed: TermWeights = { ...weights, df: new Map([...weights.df, ["kyoto", 0]]) };
    expect(compose("i have a dinner with a guest from kyoto. what is the client meal limit?", [LIMITS], typed).evidence).toBe(compose("What is the client meal limit?", [LIMITS], typed).evidence);
    // So is one before a question typed without its "?".
    expect(compose("i have a dinner with a guest from kyoto. what is the client meal limit", [LIMITS], typed).evidence).toBe(compose("What is the client meal limit?", [LIMITS], typed).evidence);
    // "Osaka" in the question sentence still says what is asked, which the table does not hold.
    expect(compose("I have a dinner on Tuesday. What is the client meal limit in Osaka?", [LIMITS], weights).evidence).toBeLessThan(plain.evidence);
    // A question of statements only ("client meal limit in Osaka.") has no situation apart from what it asks.
    expect(compose("Client meal limit in Osaka.", [LIMITS], weights).evidence).toBeLessThan(plain.evidence);
    // A place told, then asked about with "there", is what is asked; "is there" points at nothing.
    expect(compose("I have a dinner in Osaka. What is the client meal limit?", [LIMITS], weights).evidence).toBe(plain.evidence);
    expect(compose("I have a dinner in Osaka. What is the client meal limit there?", [LIMITS], weights).evidence).toBeLessThan(plain.evidence);
    expect(compose("I have a dinner in Osaka. Is there a client meal limit?", [LIMITS], weights).evidence).toBe(compose("Is there a client meal limit?", [LIMITS], weights).evidence);
  });

  it("matches a figure and its unit written glued on one side and apart on the other", () => {
    const lines: PromptSource = { n: 1, title: "Field Safety", headingPath: [], text: "Keep plant at least 6 metres from overhead lines of 22 kV or more. Below that, 3 metres." };
    const weights: TermWeights = { chunks: 1000, df: new Map([["close", 300], ["excav", 20], ["get", 500], ["22kv", 0], ["22", 30], ["kv", 15], ["line", 60]]) };
    const glued = compose("how close can our excavator get to a 22kV line?", [lines], weights);
    expect(glued.text).toBe("Keep plant at least 6 metres from overhead lines of 22 kV or more. [1]");
    const written = { ...lines, text: "Keep plant at least 6 metres from overhead lines of 22kV or more. Below that, 3 metres." };
    expect(compose("how close can our excavator get to a 22 kV line?", [written], weights).cited).toEqual([1]);
  });

  it("reads the adverb of \"how long\", \"how often\" as asking, and a function word typed without its apostrophe as one", () => {
    expect(questionTerms("How long do I have to log a gift in the register?")).toEqual(["log", "gift", "regist"]);
    expect(questionTerms("how often is the long service award paid")).toEqual(["long", "servic", "award", "paid"]);
    expect(questionTerms("how fast do I have to acknowledge an alert")).toEqual(["acknowledg", "alert"]);
    expect(questionTerms("I'm going to a workshop in Denver. How much do I get for meals?")).toEqual(["workshop", "denver", "meal"]);
    // "like" hedges a figure, as "about" does, or compares: neither is what is asked.
    expect(questionTerms("what if I leave after like 18 months, do I keep the match?")).toEqual(["leav", "18", "month", "keep", "match"]);
    expect(questionTerms("the fix took like an hour")).toEqual(["fix", "took", "hour"]);
    expect(questionTerms("Can I wear something like a hoodie?")).toEqual(["wear", "hoodi"]);
    // A chat's interjections are not what is asked.
    expect(questionTerms("ugh I paid for groceries with the corporate card lol")).toEqual(["paid", "groceri", "corpor", "card"]);
    expect(questionTerms("whats the drink drive limit, im new and dont know")).toEqual(["drink", "drive", "limit", "new"]);
    expect(questionTerms("Do you share my information with others?")).toEqual(["share", "inform"]);
    expect(questionTerms("What do you think: is peer-to-peer lending an investment? I was wondering, just curious")).toEqual(["peer", "lend", "invest"]);
    // Nor are its hedges.
    expect(questionTerms("pretty sure the van's fuel card got used on weekends, am I supposed to report it or is that still fine?")).toEqual(["van", "fuel", "card", "use", "weekend", "report", "fine"]);
    // Found in no passage, "whats" counted as the question's unknown subject and sank the answer.
    const weights: TermWeights = { chunks: 1000, df: new Map([["client", 20], ["meal", 30], ["limit", 60], ["whats", 0]]) };
    expect(compose("whats the client meal limit", [LIMITS], weights).evidence).toBe(compose("What's the client meal limit", [LIMITS], weights).evidence);
  });

  it("reads when the asker's story happened as part of the telling, not of what is asked", () => {
    expect(questionTerms("signed the opt-out last year and want to cancel it now, how do I do that")).toEqual(["sign", "opt", "cancel", "now"]);
    expect(questionTerms("Left my work phone on the train this morning. Who do I tell?")).toEqual(["left", "work", "phone", "train"]);
    expect(questionTerms("I joined six months ago. Can I use FMLA yet?")).toEqual(["join", "use", "fmla"]);
    expect(questionTerms("lost my fuel card at the weekend, what do I need to do?")).toEqual(["lost", "fuel", "card"]);
    expect(questionTerms("The clocking machine was broken on Tuesday. How long have I got to claim?")).toEqual(["clock", "machin", "broken", "claim"]);
    // A leave or tax year may be what is asked, and so may the day worked.
    expect(questionTerms("can I carry holiday over into next year?")).toEqual(["carri", "holiday", "next", "year"]);
    expect(questionTerms("Do I get paid more for working on Sunday?")).toEqual(["paid", "work", "sunday"]);
  });

  it("counts a name the passage lacks more than a common word, but not a month", () => {
    // "Denver" and "contractors" are equally common in the index (other chunks), and neither is in the limits table.
    const weights: TermWeights = { chunks: 1000, df: new Map([["client", 20], ["meal", 30], ["limit", 60], ["denver", 60], ["contractor", 60], ["march", 60]]) };
    const named = compose("What is the client meal limit in Denver?", [LIMITS], weights);
    const common = compose("What is the client meal limit for contractors?", [LIMITS], weights);
    expect(named.evidence).toBeLessThan(common.evidence);
    expect(compose("What is the client meal limit in March?", [LIMITS], weights).evidence).toBe(common.evidence);
  });

  it("takes a sentence without the rare name asked about for another's answer, but not one without the company's name", () => {
    // The index holds "Chicago" (a city table elsewhere); the limits table does not.
    const weights: TermWeights = { chunks: 1000, df: new Map([["client", 20], ["meal", 30], ["limit", 60], ["chicago", 5], ["northwind", 800]]) };
    const plain = compose("What is the client meal limit?", [LIMITS], weights).evidence;
    const chicago = compose("What is the client meal limit in Chicago?", [LIMITS], weights).evidence;
    const unnamed = composeExtractiveAnswer("What is the client meal limit in Chicago?", [LIMITS], { notFound: NOT_FOUND, weights, settings: { ...ANSWERER_DEFAULTS, missingNameFactor: 1 } }).evidence;
    expect(chicago).toBeCloseTo(unnamed * ANSWERER_DEFAULTS.missingNameFactor, 6);
    expect(chicago).toBeLessThan(ANSWERER_DEFAULTS.minEvidence);
    // "Northwind" is in most passages: the company's name, not which one is asked about.
    expect(compose("What is the Northwind client meal limit?", [LIMITS], weights).evidence).toBeGreaterThan(plain * 0.6);
  });

  it("places an amount the asker names in the band of the row that covers it", () => {
    const tiers: PromptSource = {
      n: 1, title: "Travel and Expenses", headingPath: ["6 Approvals"],
      text: "| Total of the expense report | Approved by |\n| --- | --- |\n| Up to $1,000 | Your manager |\n| $1,000.01 to $5,000 | Your manager and your director |\n| Over $5,000 | Your director and the CFO |",
    };
    const weights: TermWeights = { chunks: 1000, df: new Map([["approv", 40], ["expens", 60], ["report", 80], ["3200", 0], ["around", 0]]) };
    const answer = compose("who approves my expense report? it's around $3,200", [tiers], weights);
    expect(answer.text).toContain("$1,000.01 to $5,000");
    expect(answer.text.split("\n")[0]).not.toContain("Up to $1,000");
  });

  it("places a distance the asker states in a band written in the same unit, in any sentence", () => {
    const leave: PromptSource = {
      n: 1, title: "Compassionate leave", headingPath: ["8 Compassionate leave"],
      text: "Compassionate leave is 3 paid days for a close family member. When the funeral is more than 800 kilometres from your home, 2 more paid days are added for travel. Loads over 25 kg need two people.",
    };
    const weights: TermWeights = { chunks: 1000, df: new Map([["funer", 20], ["day", 300], ["paid", 200], ["leav", 150], ["2500", 0], ["km", 0], ["darwin", 0]]) };
    const far = compose("The funeral is in Darwin, about 2,500 km away. How many paid days do I get?", [leave], weights);
    expect(far.text).toContain("more than 800 kilometres");
    // Not placed by a band of another unit, nor when it falls outside.
    const near = composeExtractiveAnswer("The funeral is about 300 km away. How many paid days do I get?", [leave], { notFound: NOT_FOUND, weights, settings: { ...ANSWERER_DEFAULTS, minEvidence: 0 } });
    const farther = composeExtractiveAnswer("The funeral is about 2,500 km away. How many paid days do I get?", [leave], { notFound: NOT_FOUND, weights, settings: { ...ANSWERER_DEFAULTS, minEvidence: 0 } });
    expect(farther.evidence).toBeGreaterThan(near.evidence);
  });

  it("still weighs words found in most chunks: they say what is asked", () => {
    // In a set of privacy policies "information" and "collect" are in nearly every chunk; BM25's
    // idf for them is near 0, which left the question resting on "browsers" alone.
    const policy: PromptSource = { n: 1, title: "Privacy Policy", headingPath: [], text: "We collect information such as your IP address and the pages you visit." };
    const weights: TermWeights = { chunks: 1000, df: new Map([["inform", 950], ["collect", 900], ["browser", 300]]) };
    const question = "What information do you collect from browsers?";
    const answer = compose(question, [policy], weights);
    expect(answer.text).toContain("We collect information such as your IP address");
    const bare = composeExtractiveAnswer(question, [policy], { notFound: NOT_FOUND, weights, settings: { ...ANSWERER_DEFAULTS, minTermWeight: 0 } });
    expect(bare.text).toBe(NOT_FOUND);
  });

  it("drops the words of asking and of the document from the question", () => {
    expect(questionTerms("According to the handbook, please explain the travel policy for contractors")).toEqual(["travel", "contractor"]);
    // "What type of", like "what kind of", and "explicitly" like "exactly", say how it is asked.
    expect(questionTerms("What type of data do you collect explicitly?")).toEqual(["data", "collect"]);
    expect(questionTerms("how much sick pay once you've done 2 years")).toEqual(["sick", "pay", "2", "year"]);
  });

  it("answers from the document the question names, not from its introduction or its twin", () => {
    const booklet = (n: number, plan: string, deductible: string): PromptSource[] => [
      { n, title: `Medical Plan - ${plan}, Summary Plan Description`, headingPath: [], text: `This booklet is the summary plan description for the ${plan} plan.` },
      { n: n + 1, title: `Medical Plan - ${plan}, Summary Plan Description`, headingPath: ["What you pay"], text: `The annual deductible is ${deductible} for one person.` },
    ];
    const sources = [...booklet(1, "Choice Plus PPO", "$1,500"), ...booklet(3, "Select HMO", "$750")];
    const weights: TermWeights = { chunks: 200, df: new Map([["choic", 60], ["plus", 60], ["plan", 150], ["booklet", 5], ["deduct", 40], ["select", 60], ["hmo", 60], ["annual", 50]]) };
    const answer = compose("According to the Choice Plus plan booklet, what is the deductible?", sources, weights);
    expect(answer.text).toBe("The annual deductible is $1,500 for one person. [2]");
    expect(compose("What is the annual deductible under the Select HMO plan?", sources, weights).cited).toEqual([4]);
  });

  it("takes a word of a document's title alone for naming it: the twin plan's figure is not quoted beside the named plan's", () => {
    const sources: PromptSource[] = [
      { n: 1, title: "Medical Plan - Choice Plus PPO, Summary Plan Description", headingPath: ["What you pay"], text: "Specialist visit: $50 copay per visit." },
      { n: 2, title: "Medical Plan - Select HMO, Summary Plan Description", headingPath: ["What you pay"], text: "Specialist visit: $40 copay per visit, with a referral." },
    ];
    const weights: TermWeights = { chunks: 200, df: new Map([["ppo", 60], ["hmo", 60], ["specialist", 10], ["copay", 40], ["visit", 50], ["medic", 90]]) };
    expect(compose("PPO specialist copay", sources, weights).text).toBe("Specialist visit: $50 copay per visit. [1]");
    expect(compose("specialist copay on the HMO", sources, weights).cited).toEqual([2]);
    // A question naming neither plan, or only what both titles carry ("medical"), gets both plans' figures.
    expect(compose("specialist copay", sources, weights).cited).toEqual([1, 2]);
    expect(compose("medical specialist copay", sources, weights).cited).toEqual([1, 2]);
  });

  it("quotes no other table row beside the asked one unless it holds the question's weightiest word or adds one", () => {
    const rates: PromptSource = {
      n: 1,
      title: "Per Diem Schedule",
      headingPath: ["Per Diem Schedule", "Foreign cities"],
      text: "| City | Country | Lodging max per night |\n| --- | --- | --- |\n| Rotterdam | Netherlands | $249 |\n| Calgary | Canada | $205 |\n| Hamburg | Germany | $237 |",
    };
    const weights: TermWeights = { chunks: 100, df: new Map([["rotterdam", 1], ["calgari", 1], ["hamburg", 1], ["lodg", 20], ["max", 20], ["per", 60], ["night", 20]]) };
    expect(compose("Rotterdam lodging max per night", [rates], weights).text).toBe("City: Rotterdam; Country: Netherlands; Lodging max per night: $249 [1]");
    // A row that adds a word of the question is quoted with it.
    expect(compose("Lodging max per night in Rotterdam and Calgary", [rates], weights).text.split("\n").sort()).toEqual([
      "- City: Calgary; Country: Canada; Lodging max per night: $205 [1]",
      "- City: Rotterdam; Country: Netherlands; Lodging max per night: $249 [1]",
    ]);
  });

  it("reads an acronym the sources define as the words it stands for, either way round", () => {
    const program: PromptSource = {
      n: 1,
      title: "Training",
      headingPath: ["Training", "Leadership programs"],
      text:
        "The Competitive Development Program (CDP) provides leadership development through external training. " +
        "Places are limited and offered once a year. The CDP is only open to permanent employees with at least 1 year of service.",
    };
    const weights: TermWeights = { chunks: 300, df: new Map([["appli", 60], ["competit", 4], ["develop", 30], ["program", 40], ["cdp", 3]]) };
    expect(compose("Who can apply to the Competitive Development Program?", [program], weights).text).toContain("only open to permanent employees");
    expect(compose("Who can apply to the CDP?", [program], weights).text).toContain("only open to permanent employees");
  });

  it("finds a question's verb in the sentence's noun of the same family, counting it for less than the word itself", () => {
    const training: PromptSource = {
      n: 1,
      title: "Training",
      headingPath: ["Training", "Tuition assistance"],
      text: "Tuition assistance covers courses related to your current role. Applications for tuition assistance are made in the training portal.",
    };
    const weights: TermWeights = { chunks: 300, df: new Map([["appli", 40], ["tuition", 5], ["assist", 20], ["made", 80], ["portal", 10]]) };
    const asked = compose("Where do I apply for tuition assistance?", [training], weights);
    expect(asked.text.split("\n")[0]).toBe("- Applications for tuition assistance are made in the training portal. [1]");
    const same = compose("Where do I make an application for tuition assistance?", [training], weights);
    expect(asked.evidence).toBeLessThan(same.evidence);
  });

  it("answers a question on one year only from a sentence or section naming that year", () => {
    const holidays: PromptSource = { n: 1, title: "Holidays", headingPath: [], text: "The company observes nine paid holidays in 2027." };
    const weights: TermWeights = { chunks: 300, df: new Map([["compani", 60], ["holiday", 20], ["2027", 30], ["2028", 2]]) };
    expect(compose("How many company holidays are there in 2028?", [holidays], weights).text).toBe(NOT_FOUND);
    expect(compose("How many company holidays are there in 2027?", [holidays], weights).text).toContain("nine paid holidays");
    expect(compose("How many company holidays are there in 2028?", [{ ...holidays, headingPath: ["Holidays in 2028"], text: "The company observes ten paid holidays." }], weights).text)
      .toContain("ten paid holidays");
  });

  it("takes no company's legal form for a limit", () => {
    const history: PromptSource = { n: 1, title: "Travel", headingPath: [], text: "Service with Kereru Hotels Limited counts as continuous service (section 3)." };
    const weights: TermWeights = { chunks: 300, df: new Map([["hotel", 40], ["meal", 30], ["limit", 30]]) };
    expect(compose("What are the hotel meal limits?", [history], weights).text).toBe(NOT_FOUND);
    expect(compose("What are the hotel meal limits?", [{ ...history, text: "Hotel meals are limited to $60 a day." }], weights).text).toContain("$60");
  });

  it("finds an everyday word the index has in the sentence's formal word for it", () => {
    // "wine" is in the index (a tasting in another passage), so it is not read as another word;
    // the rule on it says "alcohol".
    const meals: PromptSource = { n: 1, title: "Meals", headingPath: [], text: "Alcohol is never reimbursed, even with a dinner on a trip." };
    const weights: TermWeights = { chunks: 300, df: new Map([["expens", 60], ["wine", 2], ["dinner", 30]]) };
    const answer = compose("Can I expense wine with dinner?", [meals], weights);
    expect(answer.text).toBe("Alcohol is never reimbursed, even with a dinner on a trip. [1]");
    // A privacy question's "data" and "share" are a policy's "information" and "disclose".
    const privacy: PromptSource = { n: 1, title: "Privacy", headingPath: [], text: "We disclose personal information to our payment processors." };
    const privacyWeights: TermWeights = { chunks: 300, df: new Map([["share", 20], ["data", 20], ["payment", 10], ["processor", 5]]) };
    const shared = compose("Do you share my data with payment processors?", [privacy], privacyWeights);
    expect(shared.text).toContain("We disclose personal information");
    expect(shared.evidence).toBeGreaterThan(compose("Do you share my data with payment processors?", [{ ...privacy, text: "We send receipts to our payment processors." }], privacyWeights).evidence);
    // The formal word counts as much as the everyday one, no more.
    expect(answer.evidence).toBeCloseTo(compose("Can I expense alcohol with dinner?", [meals], { ...weights, df: new Map([...weights.df, ["alcohol", 2]]) }).evidence, 5);
  });

  it("finds an everyday phrase the sources also write in a sentence saying its formal word", () => {
    // "sign off" is written elsewhere in the index (signing off a timesheet), so it is not read as
    // another word; the rule on the report says who approves it.
    const expenses: PromptSource = { n: 1, title: "Expenses", headingPath: [], text: "An expense report over $2,500 is approved by your director." };
    const weights: TermWeights = { chunks: 300, df: new Map([["expens", 60], ["report", 40], ["sign", 10], ["director", 20]]) };
    expect(compose("Who has to sign off my expense report?", [expenses], weights).text).toBe("An expense report over $2,500 is approved by your director. [1]");
    expect(compose("Who has to sign off my expense report?", [expenses], weights).evidence).toBeGreaterThan(compose("Who has to sign my expense report?", [expenses], weights).evidence);
  });

  it("finds a relative, a vendor or a pick in the words a conflict-of-interest rule uses for them", () => {
    const conflicts: PromptSource = { n: 1, title: "Conflicts of interest", headingPath: [], text: "If a relative owns a supplier that bids for our work, declare it and take no part in the selection." };
    const weights: TermWeights = { chunks: 300, df: new Map([["cousin", 10], ["neighbour", 10], ["own", 40], ["vendor", 5], ["garag", 5], ["pick", 5], ["rate", 5]]) };
    const evidence = (question: string) => compose(question, [conflicts], weights).evidence;
    expect(compose("My cousin owns a vendor, can I pick it?", [conflicts], weights).text).toContain("declare it");
    // Each word against one the rule has no reading for, as rare in the index.
    expect(evidence("My cousin owns a vendor, can I pick it?")).toBeGreaterThan(evidence("My neighbour owns a vendor, can I pick it?"));
    expect(evidence("My cousin owns a vendor, can I pick it?")).toBeGreaterThan(evidence("My cousin owns a garage, can I pick it?"));
    expect(evidence("My cousin owns a vendor, can I pick it?")).toBeGreaterThan(evidence("My cousin owns a vendor, can I rate it?"));
  });

  it("declines a question asking whether something exists when no sentence holds the thing asked after", () => {
    const dress: PromptSource = { n: 1, title: "Head office", headingPath: [], text: "Head office is open from 8:00 to 18:00 for all office staff." };
    // The place and the people are rarer in the index than the thing asked after, and the sentence has them.
    const weights: TermWeights = { chunks: 300, df: new Map([["dress", 10], ["code", 10], ["head", 5], ["offic", 5], ["staff", 5]]) };
    expect(compose("Is there a dress code at head office for staff?", [dress], weights).text).toBe(NOT_FOUND);
    expect(compose("Is there a dress code at head office for staff?", [{ ...dress, text: "Head office staff follow a smart casual dress code." }], weights).text).toContain("smart casual");
    // Of two words as rare, the thing is the later, the head of its phrase: an "annual bonus" is a bonus.
    const annual: PromptSource = { ...dress, text: "Head office staff receive an annual pass for the staff car park." };
    const even: TermWeights = { chunks: 300, df: new Map([["annual", 4], ["bonus", 4], ["head", 10], ["offic", 10]]) };
    expect(compose("Is there an annual bonus at head office?", [annual], even).text).toBe(NOT_FOUND);
    expect(compose("Is there an annual bonus at head office?", [{ ...annual, text: "Head office staff receive an annual bonus in March." }], even).text).toContain("in March");
    // Not asked whether it exists, the same words are answered by the sentence that has most of them.
    expect(compose("What dress is worn at head office by staff?", [dress], weights).text).toContain("8:00 to 18:00");
  });

  it("holds no time of day told as one word against the answer, and reads hours after a number", () => {
    const pay: PromptSource = { n: 1, title: "Call-outs", headingPath: [], text: "A call-out is paid at double time, with a minimum of 3 hours." };
    const weights: TermWeights = { chunks: 300, df: new Map([["call", 30], ["paid", 40], ["1am", 0], ["depot", 0]]) };
    // A word the index lacks counts against the answer; a time of day does not.
    expect(compose("Got a call-out at 1am, how is it paid?", [pay], weights).evidence).toBeGreaterThan(compose("Got a call-out at depot, how is it paid?", [pay], weights).evidence);
    // "hr" after a number is hours; alone it may be the HR team.
    expect(questionTerms("is there a break in an 8 hr shift?")).toEqual(["break", "8", "hour", "shift"]);
    expect(questionTerms("24hr line")).toEqual(["24", "hour", "line"]);
    expect(questionTerms("who in hr do I ask")).toEqual(["hr", "ask"]);
    // A hedge of a figure weighs nothing.
    expect(questionTerms("roughly 120 hours of unpaid leave, how long does it usually take?")).toEqual(["120", "hour", "unpaid", "leav", "take"]);
  });

  it("declines a figure question whose sentences carry a figure of another kind", () => {
    const plan: PromptSource = { n: 1, title: "Benefits FAQ", headingPath: [], text: "You must request a change to your premium within 31 days of the event." };
    const weights: TermWeights = { chunks: 200, df: new Map([["pay", 40], ["premium", 10], ["month", 30]]) };
    expect(compose("How much does the company pay toward the premium each month?", [plan], weights).text).toBe(NOT_FOUND);
    expect(compose("How much does the company pay toward the premium each month?", [{ ...plan, text: "The company pays $450 toward the premium each month." }], weights).text)
      .toContain("$450");
    // A phone number is no limit, a count of people no frequency.
    const card: PromptSource = { n: 1, title: "Corporate card", headingPath: [], text: "Topic: Corporate card; Contact: card services, 1-800-555-0191" };
    const cardWeights: TermWeights = { chunks: 200, df: new Map([["credit", 20], ["limit", 30], ["corpor", 10], ["card", 10]]) };
    expect(compose("What's the credit limit on the corporate card?", [card], cardWeights).text).toBe(NOT_FOUND);
    const phones: PromptSource = { n: 1, title: "Phones", headingPath: [], text: "Three or more employees may share a company phone." };
    const phoneWeights: TermWeights = { chunks: 200, df: new Map([["new", 5], ["compani", 20], ["phone", 10]]) };
    expect(compose("How often do we get a new company phone?", [phones], phoneWeights).text).toBe(NOT_FOUND);
    expect(compose("How often do we get a new company phone?", [{ ...phones, text: "A new company phone is issued every 3 years." }], phoneWeights).text).toContain("every 3 years");
  });
});
