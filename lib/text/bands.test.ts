import { describe, expect, it } from "vitest";
import { amountsIn, bandsIn, inBand, measuresIn, plainNumbers, spacedUnits, wholeThousands } from "./bands";

const covers = (text: string, n: number) => inBand(n, bandsIn(text));

describe("bands", () => {
  it("reads ranges, open ends and strict bounds as a table's rows write them", () => {
    expect(covers("Years of service: 2 to 5 years", 3)).toBe(true);
    expect(covers("Years of service: 2 to 5 years", 5)).toBe(true);
    expect(covers("Years of service: 2 to 5 years", 6)).toBe(false);
    expect(covers("10 to less than 15 years", 12)).toBe(true);
    expect(covers("10 to less than 15 years", 15)).toBe(false);
    // The end of a range is not a band of its own.
    expect(covers("10 to less than 15 years", 5)).toBe(false);
    expect(covers("Less than 2 years", 1)).toBe(true);
    expect(covers("Less than 2 years", 2)).toBe(false);
    expect(covers("Under 30", 29)).toBe(true);
    expect(covers("More than 5 years", 5)).toBe(false);
    expect(covers("More than 5 years", 7)).toBe(true);
    expect(covers("15 years or more", 15)).toBe(true);
    expect(covers("70 and over", 85)).toBe(true);
    expect(covers("between 18 and 26", 20)).toBe(true);
    expect(covers("50-54", 52)).toBe(true);
    expect(covers("$500 to $1,000", 750)).toBe(true);
    expect(covers("Total of the expense report: Up to $1,000; Approved by: Your manager", 1000)).toBe(true);
    expect(covers("Up to $1,000", 1200)).toBe(false);
    expect(covers("$1,000.01 to $5,000", 3200)).toBe(true);
    // Two bounds of one band, not two bands.
    expect(covers("Length of shift: More than 6 hours and up to 9 hours", 12)).toBe(false);
    expect(covers("Length of shift: More than 6 hours and up to 9 hours", 9)).toBe(true);
    expect(covers("Length of shift: More than 6 hours and up to 9 hours", 6)).toBe(false);
    expect(covers("Over $1,000 but under $5,000", 5000)).toBe(false);
    expect(covers("The DGM records them in the Register if they are worth more than £25.", 40)).toBe(true);
    // Which bands are money's, for an amount the asker names.
    expect(bandsIn("Time away from base: More than 5 hours; UK: £7.50").map((b) => b.money ?? false)).toEqual([false]);
    expect(bandsIn("Total: $1,000.01 to $5,000").map((b) => b.money ?? false)).toEqual([true]);
  });

  it("reads the amounts of money a question names, each as one number", () => {
    expect(amountsIn("it's around $3,200, maybe $18k with the hotel, or £40 each").map((a) => a.value)).toEqual([3200, 18000, 40]);
    expect(amountsIn("I'm 52, 16 years in, ext. 4357")).toEqual([]);
  });

  it("reads no band in dates, codes and phone numbers", () => {
    expect(bandsIn("January 10 through April 15")).toEqual([]);
    expect(bandsIn("Call 1-800-555-0110")).toEqual([]);
    expect(bandsIn("SKU-12 to SKU-40")).toEqual([]);
  });

  it("takes the asker's whole numbers, not amounts or parts of one", () => {
    expect(plainNumbers("My wife is 52. What's the monthly rate per $5,000?")).toEqual([52]);
    expect(plainNumbers("16 yrs of service, 1.5 days, 30%, ext. 4357-2")).toEqual([16]);
    expect(measuresIn("about 2,500 km from home, a 40 lb box, 3 nights")).toEqual([{ value: 2500, unit: "km" }, { value: 40, unit: "lb" }]);
    expect(bandsIn("more than 800 kilometres away; over 25 kg; up to $1,000")).toEqual([
      { low: -Infinity, high: 1000, money: true }, { low: 800 + 1e-9, high: Infinity, unit: "km" }, { low: 25 + 1e-9, high: Infinity, unit: "kg" },
    ]);
    // Thousands separators make one number: "6,200 km" is the figure a band "over 5,000 km" covers.
    expect(plainNumbers("I've logged about 6,200 business km this year, a 280 km trip")).toEqual([6200, 280]);
    expect(wholeThousands("about 6,200 km, $5,000, 1,5 days")).toBe("about 6200 km, $5000, 1,5 days");
    // A unit glued to its number is set apart; an ordinal, an amount or a code is left alone.
    expect(spacedUnits("my 401k after 3yrs, a 4500km drive on the 2nd shift, $18k, 2FA")).toBe("my 401 k after 3 yrs, a 4500 km drive on the 2nd shift, $18k, 2FA");
  });
});
