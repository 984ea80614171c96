import { describe, expect, it } from "vitest";
import { askedFigure, carriesFigure, type AskedFigure } from "./answer-figures";

describe("askedFigure", () => {
  it("reads the kind of figure a question asks for", () => {
    expect(askedFigure("How much does the company pay toward the premium each month?")).toEqual({ kind: "money" });
    expect(askedFigure("I bought liability insurance. How much of it can I get reimbursed?")).toEqual({ kind: "money" });
    expect(askedFigure("What would COBRA be per month for a family, in dollars?")).toEqual({ kind: "money" });
    expect(askedFigure("What percentage of my salary does short-term disability pay?")).toEqual({ kind: "percent" });
    expect(askedFigure("How long do I have to file my voucher?")).toEqual({ kind: "duration" });
    expect(askedFigure("How many free counselling sessions do we get?")).toEqual({ kind: "count", units: ["free", "counsel", "session"] });
    expect(askedFigure("What is the capital of France?")).toBeUndefined();
  });

  it("asks for any figure when the amount is not money or the counted thing is not named", () => {
    // "bonus" further on is not what "how much" asks about.
    expect(askedFigure("Is there a cap on how much award leave I can get in a year? I took time off instead of a cash bonus.")).toEqual({ kind: "any" });
    expect(askedFigure("Credit hours limit - how many can I bank?")).toEqual({ kind: "any" });
  });
});

describe("carriesFigure", () => {
  it("finds money only where an amount of money is", () => {
    expect(carriesFigure("Northwind pays $450 a month toward the premium.", { kind: "money" })).toBe(true);
    expect(carriesFigure("Preventive care is covered in full.", { kind: "money" })).toBe(true);
    expect(carriesFigure("You must request the change within 31 days of the event.", { kind: "money" })).toBe(false);
  });

  it("counts only the thing asked for, any time unit standing for another", () => {
    const sessions: AskedFigure = { kind: "count", units: ["free", "counsel", "session"] };
    expect(carriesFigure("The programme offers up to six free sessions a year.", sessions)).toBe(true);
    expect(carriesFigure("Outpatient therapy: $25 copay; the programme also offers free counselling sessions.", sessions)).toBe(false);
    expect(carriesFigure("Leave lasts two weeks.", { kind: "count", units: ["day"] })).toBe(true);
    expect(carriesFigure("Skilled nursing facility: 10% coinsurance after the deductible.", { kind: "count", units: ["day", "skill"] })).toBe(false);
  });

  it("finds a duration, a percentage and any figure", () => {
    expect(carriesFigure("Wait up to 5 business days for the change to take effect.", { kind: "duration" })).toBe(true);
    expect(carriesFigure("The change shows up the day after your term ends.", { kind: "duration" })).toBe(false);
    expect(carriesFigure("Passwords must be at least 14 characters long.", { kind: "duration" })).toBe(true); // "how long must passwords be?"
    expect(carriesFigure("Disability pays 60% of base salary.", { kind: "percent" })).toBe(true);
    expect(carriesFigure("Disability pays part of your salary.", { kind: "percent" })).toBe(false);
    expect(carriesFigure("Passwords are reset twice a year.", { kind: "any" })).toBe(true);
  });
});
