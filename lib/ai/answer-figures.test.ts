import { describe, expect, it } from "vitest";
import { askedFigure, carriesFigure, type AskedFigure } from "./answer-figures";

describe("askedFigure", () => {
  it("reads the kind of figure a question asks for", () => {
    expect(askedFigure("How much does the company pay toward the premium each month?")).toEqual({ kind: "money" });
    expect(askedFigure("I bought liability insurance. How much of it can I get reimbursed?")).toEqual({ kind: "money" });
    expect(askedFigure("What would COBRA be per month for a family, in dollars?")).toEqual({ kind: "money" });
    expect(askedFigure("What would the dental plan cost me per paycheck?")).toEqual({ kind: "money" });
    expect(askedFigure("what does a parking permit cost at the Leeds site")).toEqual({ kind: "money" });
    expect(askedFigure("What does the policy say about cost centres?")).toBeUndefined();
    expect(askedFigure("What percentage of my salary does short-term disability pay?")).toEqual({ kind: "percent" });
    expect(askedFigure("How long do I have to file my voucher?")).toEqual({ kind: "duration" });
    expect(askedFigure("SEV1 page just came in, how fast do I have to acknowledge it?")).toEqual({ kind: "duration" });
    expect(askedFigure("how quickly do I have to report a lost laptop")).toEqual({ kind: "duration" });
    expect(askedFigure("How many free counselling sessions do we get?")).toEqual({ kind: "count", units: ["session"] });
    expect(askedFigure("How often do company cars get replaced?")).toEqual({ kind: "frequency" });
    expect(askedFigure("What is the capital of France?")).toBeUndefined();
    // "How much is" a thing asks its price, whatever the thing is called.
    expect(askedFigure("How much is the long service award voucher?")).toEqual({ kind: "money" });
    expect(askedFigure("How much leave can I carry over?")).toEqual({ kind: "any" });
  });

  it("counts the head noun, not its modifiers or what follows it", () => {
    expect(askedFigure("How many paid federal holidays do we get per year?")).toEqual({ kind: "count", units: ["holiday"] });
    expect(askedFigure("How many chiropractor visits a year does the PPO cover?")).toEqual({ kind: "count", units: ["visit"] });
    expect(askedFigure("how many weeks of paid parental leave does the other parent get")).toEqual({ kind: "count", units: ["week"] });
    // A unit of time, wherever it stands: the "of" is often left out in a chat.
    expect(askedFigure("how many days bereavement do i get?")).toEqual({ kind: "count", units: ["day"] });
  });

  it("counts what \"the number of\" names, as \"how many\" does", () => {
    expect(askedFigure("What's the maximum number of comp time hours I can earn in a pay period?")).toEqual({ kind: "count", units: ["hour"] });
    expect(askedFigure("Is there a limit on the number of days I can telework?")).toEqual({ kind: "count", units: ["day"] });
  });

  it("asks a figure of a yes-or-no question about a time limit or a deadline", () => {
    expect(askedFigure("Is there a time limit for reporting workplace harassment?")).toEqual({ kind: "duration" });
    expect(askedFigure("new hire here - is there a deadline to pick my health insurance?")).toEqual({ kind: "any" });
    expect(askedFigure("Is there a dress code at the office?")).toBeUndefined();
  });

  it("reads a figure named after \"what's the\": a rate, a cap, a limit", () => {
    expect(askedFigure("What's the per diem lodging rate for a trip to Denver?")).toEqual({ kind: "money" });
    expect(askedFigure("What is the yearly cap on tuition assistance?")).toEqual({ kind: "any" });
    expect(askedFigure("What's the employer match percentage?")).toEqual({ kind: "percent" });
    expect(askedFigure("What's the process for requesting a laptop?")).toBeUndefined();
  });

  it("asks the kind each named figure is: money for a copay or deductible, any figure for a deadline or limit", () => {
    expect(askedFigure("What is the premium for family coverage?")).toEqual({ kind: "money" });
    expect(askedFigure("What's the deductible on the medical plan?")).toEqual({ kind: "money" });
    expect(askedFigure("Per the 2027 benefits rate sheet, what's the specialist copay on the Harbor HMO?")).toEqual({ kind: "money" });
    expect(askedFigure("What is the reimbursement for a home office chair?")).toEqual({ kind: "money" });
    expect(askedFigure("What are the fees for a passport renewal?")).toEqual({ kind: "money" });
    expect(askedFigure("What is the deadline for open enrollment?")).toEqual({ kind: "any" });
    expect(askedFigure("What are the limit and the maximum for carry-over?")).toEqual({ kind: "any" });
    expect(askedFigure("What is the minimum notice period?")).toEqual({ kind: "any" });
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
    const holidays = askedFigure("How many paid federal holidays do we get per year?")!;
    expect(carriesFigure("Parental leave needs 1 year of federal service.", holidays)).toBe(false);
    expect(carriesFigure("There are 11 paid federal holidays a year.", holidays)).toBe(true);
  });

  it("finds a duration, a percentage and any figure", () => {
    expect(carriesFigure("Wait up to 5 business days for the change to take effect.", { kind: "duration" })).toBe(true);
    expect(carriesFigure("The change shows up the day after your term ends.", { kind: "duration" })).toBe(false);
    expect(carriesFigure("Passwords must be at least 14 characters long.", { kind: "duration" })).toBe(true); // "how long must passwords be?"
    expect(carriesFigure("Disability pays 60% of base salary.", { kind: "percent" })).toBe(true);
    expect(carriesFigure("Disability pays part of your salary.", { kind: "percent" })).toBe(false);
    expect(carriesFigure("Passwords are reset twice a year.", { kind: "any" })).toBe(true);
  });

  it("finds a frequency: \"every 3 years\", \"twice a month\", \"quarterly\", not a count of people", () => {
    const often: AskedFigure = { kind: "frequency" };
    expect(carriesFigure("Laptops are replaced every 4 years.", often)).toBe(true);
    expect(carriesFigure("Fire drills are held twice a year.", often)).toBe(true);
    expect(carriesFigure("Commission is paid quarterly.", often)).toBe(true);
    expect(carriesFigure("Nominations are made by directors each autumn.", often)).toBe(true);
    expect(carriesFigure("A full-size car may be booked when three or more employees travel together.", often)).toBe(false);
  });

  it("takes no phone number or document code for a figure", () => {
    expect(carriesFigure("Topic: Corporate card; Contact: card services, 1-800-555-0191", { kind: "any" })).toBe(false);
    expect(carriesFigure("Call (617) 555-0100 or +44 20 7946 0000.", { kind: "any" })).toBe(false);
    expect(carriesFigure("Gifts are logged as FIN-410 requires.", { kind: "any" })).toBe(false);
    expect(carriesFigure("The card's limit is $5,000; call 1-800-555-0191 to raise it.", { kind: "money" })).toBe(true);
  });

  it("takes no section number for a figure", () => {
    expect(carriesFigure("5.4 Fuel cards Each vehicle has a fuel card.", { kind: "any" })).toBe(false);
    expect(carriesFigure("5.4 Fuel cards Each fill-up is limited to £150.", { kind: "any" })).toBe(true);
    expect(carriesFigure("1.5 days are added for each year of service.", { kind: "any" })).toBe(true);
  });

  it("takes a deadline for a length of time: \"how long do I have to use it?\" is answered by a date", () => {
    expect(carriesFigure("Carried-over leave must be used by 31 March.", { kind: "duration" })).toBe(true);
    expect(carriesFigure("Submit the form before the end of the month.", { kind: "duration" })).toBe(true);
    expect(carriesFigure("Timesheets are due by Friday at noon.", { kind: "duration" })).toBe(true);
    expect(carriesFigure("Apply no later than March 15.", { kind: "duration" })).toBe(true);
    expect(carriesFigure("Overtime is approved by your manager.", { kind: "duration" })).toBe(false);
  });
});
