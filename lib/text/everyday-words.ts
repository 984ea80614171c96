/**
 * Everyday words for what policies name formally: "my nan" for a grandparent, "the kids" for
 * children, "got nicked" for stolen, "a bingle" for a collision. Employees write the first; a
 * policy writes the second, so a question in everyday words finds no passage that holds them. A
 * word here is read as the first of its formal words that the documents use, and only when the
 * documents never use the word itself (typos.ts): a word of the index is never changed. Where the
 * documents do use it ("wine" at a tasting), a sentence holding one of its formal words counts it
 * as if it held the word ("Alcohol is not reimbursed": extractive-answer.ts, `everydayShare`).
 *
 * Only words whose formal reading holds in any workplace question: not a word's other senses
 * ("ring" is read as a call because an employee rings someone; a ring as jewellery is not what a
 * policy question is about; but a "crash" may be a laptop's, or a night on a sister's sofa, and a
 * "nanny" minds children), and not a wider topic (a "wedding" is not "leave").
 */
const EVERYDAY_WORDS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    // Family, as policies list relationships.
    "nan nana nanna gran granny grandma grandmom grandmum gma": ["grandmother", "grandparent", "grandparents"],
    "grandpa granddad grandad gramps": ["grandfather", "grandparent", "grandparents"],
    "mum mom mam mummy mommy": ["mother", "parent", "parents"],
    "dad daddy": ["father", "parent", "parents"],
    "hubby": ["husband", "spouse", "partner"],
    "missus missis": ["wife", "spouse", "partner"],
    "husband wife": ["spouse", "partner"],
    "boyfriend girlfriend bf gf fiance fiancee": ["partner"],
    "kid kids kiddo kiddos wean weans bairn bairns": ["child", "children"],
    "sis": ["sister", "sibling"],
    "bro": ["brother", "sibling"],
    // Relatives a conflict-of-interest rule names as a group ("a relative or close friend",
    // "your family"); a bereavement table that names them itself still matches the word.
    "brother sister sibling uncle aunt auntie cousin nephew niece": ["relative", "relatives", "family"],
    "mate mates": ["friend", "friends"],
    // Life events, as the leave a policy gives for them: "my uncle died" asks about bereavement
    // leave, "the baby comes" about leave on a birth.
    "died deceased": ["bereavement", "compassionate", "death"],
    "funeral funerals": ["bereavement", "compassionate"],
    "baby babies": ["birth", "child", "children"],
    "married": ["marriage"],
    "divorced": ["divorce"],
    // People at work, and the firms they deal with (one company's supplier is another's vendor).
    "boss gaffer": ["manager", "supervisor"],
    "vendor vendors": ["supplier", "suppliers"],
    "pitch pitches pitching pitched": ["bid", "bids", "tender", "proposal"],
    "pick picks picking picked": ["select", "selection", "choose"],
    "supplier suppliers": ["vendor", "vendors"],
    "coworker coworkers workmate workmates": ["colleague", "colleagues", "employee", "employees"],
    "sacked": ["dismissed", "dismissal", "terminated", "termination"],
    "sparky sparkie sparkies": ["electrician", "electricians", "electrical"],
    // Pay and money.
    "paycheck paycheque payslip paystub wages": ["pay", "salary"],
    "perk perks": ["benefit", "benefits"],
    "freebie freebies": ["gift", "gifts"],
    "owe owes owed owing": ["repay", "repayment", "refund"],
    // "Does the company cover that?": whether it is paid or reimbursed.
    "cover covers covered": ["reimbursed", "reimburse", "paid", "pays"],
    // Time.
    "arvo": ["afternoon"],
    "xmas": ["christmas"],
    // "How far ahead do I put in for a week off": the notice a policy asks for, in advance.
    "ahead": ["advance", "notice"],
    "hols vacay": ["holiday", "vacation", "leave"],
    "sickie": ["sick"],
    // Vehicles and travel.
    "ute utes": ["vehicle", "vehicles", "truck"],
    "cab cabs": ["taxi", "taxis"],
    "uber lyft rideshare": ["taxi", "rideshare", "ride"],
    "rego": ["registration"],
    "bingle prang clipped": ["collision", "accident"],
    "dent dented scratch scratched": ["damage", "damaged"],
    "nicked pinched swiped": ["stolen", "theft"],
    "motel airbnb": ["hotel", "lodging", "accommodation"],
    "hotel hotels": ["lodging", "accommodation"],
    // Devices and messages.
    "cellphone smartphone": ["phone", "mobile"],
    "laptop laptops": ["computer", "device", "devices"],
    "wifi": ["wi-fi", "internet"],
    // A question's "data" is a privacy policy's "information"; sharing it, disclosing it.
    "data": ["information"],
    "share shares shared sharing": ["disclose", "disclosed", "disclosure"],
    "choice choices option options": ["choose", "opt"],
    "collect collects collected collecting": ["gather", "obtain", "receive"],
    "website websites": ["site", "sites"],
    "delete deleted deleting": ["remove", "erase", "erased"],
    "modify edit edited editing": ["update", "correct", "change"],
    "chatgpt gpt chatbot chatbots copilot": ["ai", "generative", "chatbot"],
    "ring ringing rang": ["call", "phone"],
    "linkedin facebook instagram tiktok twitter snapchat reddit": ["social", "media"],
    // Food and drink.
    "wine beer booze": ["alcohol", "alcoholic"],
    "lunch lunches dinner dinners breakfast": ["meal", "meals"],
    // Units as policies spell them.
    "km kms": ["kilometres", "kilometre", "kilometers", "kilometer"],
    "kg kgs": ["kilograms", "kilogram"],
    "lb lbs": ["pounds", "pound"],
    // Figures asked for: "what's the max per night" where a policy writes a cap or a limit.
    "max": ["maximum", "limit", "cap"],
    "min": ["minimum"],
    "heaviest": ["weight", "heavy"],
    // "Stinking hot in the kitchen": the heat a safety rule gives a temperature for (a hot desk is rarer).
    "hot": ["heat", "temperature"],
    // A measure asked by its noun, stated by its adjective: "password length", "at least 14 characters long".
    length: ["long"],
    height: ["high", "tall"],
    width: ["wide"],
    depth: ["deep"],
    // Health.
    "braces": ["orthodontia", "orthodontic", "orthodontics"],
    "doctor doctors dr drs gp": ["medical", "physician", "provider"],
    "sore hurts hurting aching achy": ["pain", "injury"],
    "cert certs": ["certificate", "certificates", "certified"],
    // "A customer slipped in aisle 4": the accident a safety policy has you record.
    "slipped tripped fell": ["accident", "injury", "fall"],
    "rob robs robbed robbing": ["robbery", "robber"],
    "earmuffs earplugs": ["hearing", "protection"],
    "flu": ["illness", "sick", "ill"],
    // Judgements.
    "dodgy shady sketchy": ["suspicious", "improper"],
  }).flatMap(([words, formal]) => words.split(" ").map((w) => [w, formal] as const)),
);

/** "almost" or "nearly" before an accident's verb: something that could have hurt someone and did not. */
const NEAR_MISSES = ["almost", "nearly"]
  .flatMap((adverb) => "hit fell clipped struck crushed knocked tipped collided crashed slipped tripped ran landed came dropped".split(" ").map((verb) => `${adverb} ${verb}`))
  .join("|");

/**
 * Everyday phrases of words the documents do use, each read as a formal word when the documents
 * never write the phrase: "my nan passed away" asks about a death (and "away" is not "away from
 * the site"), "time off" about leave, "sell back" PTO about cashing it out. Two words each:
 * applyCorrections reads pairs. A formal reading may be two words ("near miss").
 */
const EVERYDAY_PHRASES: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    "passed away|pass away|passes away|passing away": ["died", "dies", "death", "bereavement", "compassionate"],
    "time off": ["leave", "absence"],
    // "3 days off for my cousin's 21st", "2 weeks off in August": days of leave, the count kept. Not
    // "a day off": "Remembrance Day off", "a day off on my birthday" ask about a holiday.
    "days off": ["days leave", "days absence"],
    "weeks off": ["weeks leave", "weeks absence"],
    "week off": ["week leave", "week absence"],
    // "Stayed back 3 hours after my shift": overtime, in Australia and New Zealand.
    "stay back|stays back|stayed back|staying back": ["overtime"],
    "where i live|where we live": ["home"],
    "killing me": ["pain"],
    "ear muffs|ear plugs|ear defenders": ["hearing protection"],
    "sell back|sells back|selling back|sold back": ["cash", "payout"],
    "fender bender|fender benders": ["collision", "accident"],
    "let go|letting go": ["dismiss", "dismissal", "terminate", "termination"],
    "change out|changing out|swap out|swapping out": ["replace", "replaced", "change"],
    "how heavy": ["weight", "heavy"],
    "how old": ["age"],
    "workers comp|worker comp|workman comp|workmans comp": ["compensation"],
    "comp time": ["compensatory"],
    "jury summons": ["jury duty", "jury service"],
    "sign off|signs off|signed off|signing off": ["approve", "approval", "approved"],
    "right away|straight away": ["immediately", "promptly"],
    "come back|comes back|came back|coming back": ["return", "returning"],
    "pay back|pays back|paid back|paying back": ["repay", "repayment", "refund"],
    "roll over|rolls over|rolled over|rolling over": ["carried", "carry", "carryover"],
    // Being ill, as a policy names it: "woken up with a temperature", "off with the flu".
    "the flu|a fever|a temperature": ["sick", "illness", "ill"],
    "parking ticket|parking tickets": ["parking penalty", "parking fine", "penalty", "fine"],
    "speeding ticket|speeding tickets": ["speeding fine", "speeding penalty", "fine", "penalty"],
    // "a pallet nearly came down on me", "a forklift almost clipped me": what a safety policy calls a near miss.
    [NEAR_MISSES]: ["near miss", "near misses"],
  }).flatMap(([phrases, formal]) => phrases.split("|").map((p) => [p, formal] as const)),
);

/** The everyday phrases `text` holds (lower case), each with its formal words, most likely first. */
export function everydayPhrases(text: string): [string, readonly string[]][] {
  const lower = text.toLowerCase();
  return [...EVERYDAY_PHRASES].filter(([phrase]) => new RegExp(`(?<!\\p{L})${phrase}(?!\\p{L})`, "u").test(lower));
}

/** The formal words an everyday word stands for, most likely first; none for any other word. */
export function formalWords(word: string): readonly string[] {
  // A plural as its singular ("dads", "grandmas"): the formal words hold both forms.
  return EVERYDAY_WORDS.get(word) ?? (word.endsWith("s") ? EVERYDAY_WORDS.get(word.slice(0, -1)) : undefined) ?? [];
}
