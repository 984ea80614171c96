import { describe, expect, it } from "vitest";
import { applyCorrections, compoundCorrections, isCommonWord, phraseCorrections, typoCorrections, wordCounts } from "./typos";

const vocabulary = wordCounts(["Passwords must be changed every 90 days.", "International travel needs approval. The password policy applies."]);

describe("typoCorrections", () => {
  it("reads a misspelt word as the closest word of the sources", () => {
    expect(typoCorrections(["pasword"], vocabulary).get("pasword")).toBe("password");
    // Two edits (a swapped pair) are allowed in a long word.
    expect(typoCorrections(["interantional"], vocabulary).get("interantional")).toBe("international");
  });

  it("leaves short words, words with digits and words with no close match alone", () => {
    const corrections = typoCorrections(["travl", "trav", "p4ssword", "sabbatical"], vocabulary);
    expect(corrections.get("travl")).toBe("travel");
    expect(corrections.has("trav")).toBe(false);
    expect(corrections.has("p4ssword")).toBe(false);
    expect(corrections.has("sabbatical")).toBe(false);
  });

  it("allows one edit only in a word shorter than nine letters", () => {
    expect(typoCorrections(["pssword"], vocabulary).get("pssword")).toBe("password");
    expect(typoCorrections(["psswrd"], vocabulary).has("psswrd")).toBe(false);
  });

  it("never corrects into a stop word", () => {
    expect(typoCorrections(["chile"], wordCounts(["while the chips last"])).has("chile")).toBe(false);
  });

  it("leaves a word people often write alone, though the sources lack it: it is not a typo", () => {
    const counts = wordCounts(["Up to 5 days may be carried over.", "Drivers must carry their card."]);
    expect(typoCorrections(["married", "carrier"], counts).size).toBe(0);
    expect(typoCorrections(["carryed"], counts).get("carryed")).toBe("carried");
    // A misspelling common enough to be a whole token of its own is still one.
    expect(typoCorrections(["anual"], wordCounts(["25 days of annual leave"])).get("anual")).toBe("annual");
  });

  it("never changes a word's first letter: a word differing there is another word, not a typo", () => {
    const counts = wordCounts(["Record the giver and the value of every gift."]);
    expect(typoCorrections(["fiver"], counts).has("fiver")).toBe(false);
    expect(typoCorrections(["givver"], counts).get("givver")).toBe("giver");
  });

  it("reads common shorthand as the word the sources spell out, and only that word", () => {
    const counts = wordCounts(["A lifetime maximum of $15,000 applies.", "A category C licence is needed."]);
    expect(typoCorrections(["max"], counts).get("max")).toBe("maximum");
    expect(typoCorrections(["yrs"], counts).has("yrs")).toBe(false); // the sources lack "years"
    expect(typoCorrections(["cat"], counts).has("cat")).toBe(false);
    // A chat's shorthand and ordinals.
    const shifts = wordCounts(["Overtime on the second shift is approved by a doctor or the supervisor."]);
    expect(Object.fromEntries(typoCorrections(["ot", "2nd", "drs", "nite"], shifts))).toEqual({ ot: "overtime", "2nd": "second", drs: "doctor" });
    expect(typoCorrections(["diff"], wordCounts(["The night differential is $2 an hour."])).get("diff")).toBe("differential");
  });

  it("reads an everyday word as the first of its formal words the sources use, and nothing when they use none", () => {
    const counts = wordCounts(["Compassionate leave: 3 days on the death of a grandparent.", "Children under 12 ride free.", "A field vehicle may be taken home."]);
    const corrections = typoCorrections(["nan", "kids", "wean", "ute", "arvo", "xmas"], counts);
    expect(Object.fromEntries(corrections)).toEqual({ nan: "grandparent", kids: "children", wean: "children", ute: "vehicle" });
    expect(typoCorrections(["xmas"], wordCounts(["Christmas Day and Boxing Day"])).get("xmas")).toBe("christmas");
    // "grandmother" comes first when the sources have it.
    expect(typoCorrections(["nan"], wordCounts(["A grandmother or grandparent"])).get("nan")).toBe("grandmother");
    // A plural as its singular.
    expect(typoCorrections(["dads"], wordCounts(["Each parent may take 2 weeks."])).get("dads")).toBe("parent");
    // "max" is "maximum" where the sources say so, else the cap or limit they write.
    expect(typoCorrections(["max"], wordCounts(["Hotel cap per night: $200"])).get("max")).toBe("cap");
    // A life event as the leave a policy names for it: "died" is the compassionate leave where no bereavement is written.
    const events = wordCounts(["Compassionate leave: 3 days on the death of a grandparent.", "Parental leave starts on the birth of a child."]);
    expect(Object.fromEntries(typoCorrections(["died", "baby"], events))).toEqual({ died: "compassionate", baby: "birth" });
  });

  it("prefers the more frequent word on a tie", () => {
    const counts = wordCounts(["leave leave leave", "lease"]);
    expect(typoCorrections(["leafe"], counts).get("leafe")).toBe("leave");
  });
});

describe("isCommonWord", () => {
  it("tells words people type in questions from well-known misspellings, even those the tokenizer holds whole", () => {
    const everyday = ("close phone according leave train morning fine shop weekend hospital bonus shift wedding parking fuel ticket " +
      "injury married refund surgery crash uniform salary laptop bottle mortgage pint printer pregnant divorce carrier vaccine " +
      "tender charity invoice receipt pension warehouse diesel tuition spouse dentist funeral fifty").split(" ");
    const misspelt = ("acheive accross apparant arguement begining beleive calender catagory collegue commitee definitly embarass " +
      "enviroment existance foriegn freind goverment harrass immediatly independant knowlege maintainance neccessary occassion " +
      "occurence prefered realy relevent remeber suprise truely untill wierd writting anual occured adress sucess seperate " +
      "recieve definately wich pasword infertilty schedualed facilites privay").split(" ");
    expect(everyday.filter((w) => !isCommonWord(w))).toEqual([]);
    expect(misspelt.filter(isCommonWord)).toEqual([]);
  });
});

describe("applyCorrections", () => {
  it("replaces whole words in any case and keeps the rest of the text", () => {
    const corrections = new Map([["pasword", "password"]]);
    expect(applyCorrections("How often do I reset my ENT Pasword? (paswords)", corrections)).toBe("How often do I reset my ENT password? (paswords)");
  });
});

describe("compoundCorrections", () => {
  it("reads two words the sources write as one, when either is a word no chunk holds", () => {
    const counts = wordCounts(["Wear earmuffs in the press shop. The workplace is inspected."]);
    const question = "can i wear earbuds under my ear muffs? is the work place safe";
    expect(Object.fromEntries(compoundCorrections(question, new Set(["muffs"]), counts))).toEqual({ "ear muffs": "earmuffs" });
    // Both words known: two words, not a misspelt one.
    expect(compoundCorrections(question, new Set(), counts).size).toBe(0);
    expect(applyCorrections("My Ear-muffs and my 2nd pair", new Map([["ear muffs", "earmuffs"], ["2nd", "second"]]))).toBe("My earmuffs and my second pair");
  });
});

describe("phraseCorrections", () => {
  it("reads an everyday phrase as the formal word the sources use, unless the sources write the phrase", () => {
    const sources = "Bereavement leave: 3 days on the death of a grandparent. A meal away from the site is reimbursed.";
    const counts = wordCounts([sources]);
    expect(Object.fromEntries(phraseCorrections("my nan passed away, how much time off do I get?", sources, counts))).toEqual({ "passed away": "death", "time off": "leave" });
    expect(applyCorrections("My nan Passed away", new Map([["passed away", "death"]]))).toBe("My nan death");
    // A reading of two words, when the sources have both.
    const safety = "Near misses must be reported before the end of the shift.";
    expect(Object.fromEntries(phraseCorrections("a pallet nearly fell on me, do I report it?", safety, wordCounts([safety])))).toEqual({ "nearly fell": "near miss" });
    expect(phraseCorrections("I nearly fell asleep", "A near miss is reported.", wordCounts(["A near"])).size).toBe(0);
    const sharps = "Replace a sharps container when it is three-quarters full.";
    expect(Object.fromEntries(phraseCorrections("when do I change out the sharps box?", sharps, wordCounts([sharps])))).toEqual({ "change out": "replace" });
    const court = "Jury duty is paid as court leave.";
    expect(Object.fromEntries(phraseCorrections("I got a jury summons, is it paid?", court, wordCounts([court])))).toEqual({ "jury summons": "jury duty" });
    const cash = "Once a year, employees may cash out up to 40 hours of PTO.";
    expect(Object.fromEntries(phraseCorrections("can we sell back PTO?", cash, wordCounts([cash])))).toEqual({ "sell back": "cash" });
    // Signing off, coming back, paying back and being ill, as policies write them.
    const rules = "Reports are approved by your director. On return from sick leave, tell your manager. You repay the course fee if you leave.";
    expect(Object.fromEntries(phraseCorrections("who has to sign off my report? I came back with the flu, do I pay back the fee?", rules, wordCounts([rules]))))
      .toEqual({ "sign off": "approve", "came back": "return", "the flu": "sick", "pay back": "repay" });
    // A formal reading in any form the sources write its words: "fines", not "fine".
    const fines = "Parking and speeding fines are never reimbursed.";
    expect(Object.fromEntries(phraseCorrections("got a speeding ticket, does the company pay?", fines, wordCounts([fines])))).toEqual({ "speeding ticket": "speeding fine" });
    const pto = "Paid time off (PTO) accrues each pay period.";
    expect(phraseCorrections("how much time off do I get?", pto, wordCounts([pto])).size).toBe(0);
    // Days off as days of leave, their count kept; staying back after a shift as overtime.
    const notice = "Leave of 1 to 4 days needs 2 weeks' notice. Overtime is paid at time and a half.";
    expect(applyCorrections("notice for 3 days off? stayed back 2 hours", phraseCorrections("notice for 3 days off? stayed back 2 hours", notice, wordCounts([notice]))))
      .toBe("notice for 3 days leave? overtime 2 hours");
  });
});
