import { describe, expect, it } from "vitest";
import { acronymCorrections, acronymsIn } from "./acronyms";

describe("acronymsIn", () => {
  it("reads the words an acronym in brackets stands for", () => {
    const found = acronymsIn("Apply to the Competitive Development Program (CDP) by May. Federal Employees Group Life Insurance (FEGLI) is automatic.");
    expect(found.get("CDP")).toEqual(["Competitive", "Development", "Program"]);
    expect(found.get("FEGLI")).toEqual(["Federal", "Employees", "Group", "Life", "Insurance"]);
  });

  it("skips the small words of a name, but does not spell a letter with one", () => {
    const found = acronymsIn("Ask the Office of Personnel Management (OPM), or the Department of Health and Human Services (HHS).");
    expect(found.get("OPM")).toEqual(["Office", "of", "Personnel", "Management"]);
    expect(found.get("HHS")).toEqual(["Health", "and", "Human", "Services"]);
  });

  it("takes a plural acronym as its singular", () => {
    expect(acronymsIn("Book your Paid Time Off (PTOs) early.").get("PTO")).toEqual(["Paid", "Time", "Off"]);
  });

  it("ignores brackets whose letters the words before them do not spell", () => {
    expect([...acronymsIn("Leave Without Pay (LWOP) needs approval (see Section 4 (B)). A doctorate (PhD) counts.").keys()]).toEqual([]);
  });
});

describe("acronymCorrections", () => {
  it("reads an acronym the sources never write as the words whose initials spell it", () => {
    const texts = ["Task: High-voltage switching; Minimum PPE: Arc flash suit.", "Continuing education: $600 a year. Continuing education days are paid."];
    expect(Object.fromEntries(acronymCorrections("what PPE do I need for HV switching, and how much CE money?", ["hv", "ce"], texts))).toEqual({ hv: "high voltage", ce: "continuing education" });
    expect(Object.fromEntries(acronymCorrections("can I WFH on fridays", ["wfh"], ["You may work from home on Fridays."]))).toEqual({ wfh: "work from home" });
    // Typed in lower case, a word is not taken for one.
    expect(acronymCorrections("how much ce money, can i wfh", ["ce", "wfh"], [...texts, "You may work from home."]).size).toBe(0);
  });

  it("spells nothing with words of one or two letters, and leaves what no run of words spells", () => {
    expect(acronymCorrections("Is HV covered?", ["hv"], ["If he visits, he values it."]).size).toBe(0);
    expect(acronymCorrections("Is XYZ covered?", ["xyz"], ["High-voltage switching"]).size).toBe(0);
  });
});
