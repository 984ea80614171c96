/**
 * Larkspur Logistics - Travel and Per Diem Rate Schedule 2027 (4 pages). Invented content.
 *
 * Tables: booking rules (ruled grid, wrapping cells), domestic per diem rates (ruled grid, shaded
 * two-row header with a group label, right-aligned figures, continues from page 2 onto page 3 with
 * its header repeated), seasonal lodging rates (ruled grid, wrapping cells), international rates and
 * mileage (borderless, right-aligned figures).
 */
import { bullet, h1, h2, note, p, table, type DocumentSource, type Table } from "./types";

const money = (n: number): string => `$${n.toLocaleString("en-US")}`;

/** A domestic per diem row: lodging maximum and breakfast, lunch, dinner, incidentals; the total is their sum. */
function city(name: string, state: string, lodging: number, meals: [number, number, number, number]): string[] {
  const [b, l, d, i] = meals;
  return [name, state, money(lodging), money(b), money(l), money(d), money(i), money(b + l + d + i)];
}

const bookingRules: Table = {
  caption: "Table 1. Booking rules by type of travel",
  style: "grid",
  rowGap: 3,
  columns: [
    { header: ["Type of travel"], width: 120 },
    { header: ["Employees"], width: 180 },
    { header: ["Directors and above"], width: 180 },
  ],
  rows: [
    [
      "Domestic flights of less than 5 hours",
      "Economy class. Seat selection fees up to $35 per flight segment are reimbursed.",
      "Economy class; premium economy allowed when booked at least 7 days in advance.",
    ],
    [
      "Domestic flights of 5 hours or more, or overnight",
      "Premium economy allowed with written approval from your department head.",
      "Premium economy; business class only with approval from the CFO.",
    ],
    [
      "International flights",
      "Premium economy for flights of 8 hours or more; economy otherwise.",
      "Business class for flights of 8 hours or more; premium economy otherwise.",
    ],
    [
      "Rail",
      "Business or coach class on routes under 400 miles, when cheaper than flying.",
      "Business or first class on routes under 400 miles.",
    ],
    [
      "Rental cars",
      "Intermediate size or smaller, booked through the Travel Desk. Decline the rental company's insurance in the U.S.",
      "Full size or smaller. Decline the rental company's insurance in the U.S.",
    ],
  ],
};

const domestic: Table = {
  caption: "Table 2. Domestic per diem rates by city",
  style: "grid",
  fontSize: 8.5,
  groups: [
    { label: "", span: 3 },
    { label: "Meals and incidental expenses (M&IE), per day", span: 5 },
  ],
  columns: [
    { header: ["City"], width: 112 },
    { header: ["State"], width: 38 },
    { header: ["Lodging max", "per night"], width: 70, align: "right" },
    { header: ["Breakfast"], width: 52, align: "right" },
    { header: ["Lunch"], width: 50, align: "right" },
    { header: ["Dinner"], width: 50, align: "right" },
    { header: ["Incidentals"], width: 54, align: "right" },
    { header: ["Total M&IE"], width: 54, align: "right" },
  ],
  rows: [
    city("Albany", "NY", 164, [14, 17, 31, 5]),
    city("Atlanta", "GA", 189, [16, 19, 36, 5]),
    city("Austin", "TX", 197, [16, 19, 35, 5]),
    city("Baltimore", "MD", 178, [15, 18, 34, 5]),
    city("Boston", "MA", 289, [19, 24, 44, 6]),
    city("Charlotte", "NC", 171, [15, 18, 33, 5]),
    city("Chicago", "IL", 246, [18, 23, 42, 6]),
    city("Cincinnati", "OH", 152, [14, 17, 30, 5]),
    city("Columbus", "OH", 158, [14, 17, 31, 5]),
    city("Dallas", "TX", 183, [16, 19, 35, 5]),
    city("Denver", "CO", 214, [17, 21, 39, 6]),
    city("Detroit", "MI", 167, [15, 18, 33, 5]),
    city("El Paso", "TX", 131, [13, 16, 28, 5]),
    city("Fort Worth", "TX", 159, [14, 17, 31, 5]),
    city("Harrisburg", "PA", 139, [13, 16, 29, 5]),
    city("Houston", "TX", 176, [15, 18, 34, 5]),
    city("Indianapolis", "IN", 161, [14, 17, 32, 5]),
    city("Jacksonville", "FL", 149, [14, 16, 30, 5]),
    city("Kansas City", "MO", 157, [14, 17, 31, 5]),
    city("Laredo", "TX", 126, [13, 15, 27, 5]),
    city("Las Vegas", "NV", 168, [16, 20, 37, 5]),
    city("Los Angeles", "CA", 262, [18, 22, 42, 6]),
    city("Louisville", "KY", 154, [14, 17, 30, 5]),
    city("Memphis", "TN", 146, [14, 16, 29, 5]),
    city("Miami", "FL", 231, [17, 21, 40, 6]),
    city("Minneapolis", "MN", 193, [16, 19, 36, 5]),
    city("Nashville", "TN", 236, [17, 21, 38, 6]),
    city("Newark", "NJ", 209, [17, 20, 38, 5]),
    city("New York City", "NY", 329, [20, 25, 47, 7]),
    city("Oakland", "CA", 224, [17, 21, 40, 6]),
    city("Philadelphia", "PA", 218, [17, 21, 39, 6]),
    city("Phoenix", "AZ", 162, [15, 18, 34, 5]),
    city("Pittsburgh", "PA", 172, [15, 18, 33, 5]),
    city("Portland", "OR", 203, [16, 20, 37, 5]),
    city("Reno", "NV", 144, [14, 16, 30, 5]),
    city("Salt Lake City", "UT", 174, [15, 19, 34, 5]),
    city("San Antonio", "TX", 163, [14, 17, 32, 5]),
    city("Savannah", "GA", 181, [15, 18, 35, 5]),
    city("Seattle", "WA", 271, [18, 23, 43, 6]),
    city("St. Louis", "MO", 155, [14, 17, 31, 5]),
    city("Tacoma", "WA", 186, [16, 19, 35, 5]),
    city("All other U.S. locations", "-", 118, [12, 14, 26, 5]),
  ],
};

const seasonal: Table = {
  caption: "Table 3. Seasonal lodging maximums",
  style: "grid",
  rowGap: 2,
  columns: [
    { header: ["City"], width: 110 },
    { header: ["Season"], width: 150 },
    { header: ["Lodging max", "per night"], width: 70, align: "right" },
    { header: ["Notes"], width: 150 },
  ],
  rows: [
    ["Phoenix, AZ", "January 10 through April 15", "$229", "Replaces the Table 2 rate during the season."],
    ["Las Vegas, NV", "Weeks of the Larkspur Carrier Summit (announced each year)", "$249", "Book through the Travel Desk's summit room block."],
    ["Savannah, GA", "March 1 through May 31", "$214", "Includes the port's peak inspection season."],
    ["Minneapolis, MN", "December 1 through February 28", "$171", "Lower winter rate; use it when booking in this period."],
    ["Seattle, WA", "June 1 through September 15", "$318", "Cruise season. Consider Tacoma (Table 2) when visiting the Fife terminal."],
  ],
};

const international: Table = {
  caption: "Table 4. International per diem rates (U.S. dollars)",
  style: "plain",
  columns: [
    { header: ["City"], width: 120 },
    { header: ["Country"], width: 110 },
    { header: ["Lodging max", "per night"], width: 90, align: "right" },
    { header: ["M&IE", "per day"], width: 80, align: "right" },
  ],
  rows: [
    ["Calgary", "Canada", "$205", "$96"],
    ["Guadalajara", "Mexico", "$148", "$71"],
    ["Hamburg", "Germany", "$237", "$118"],
    ["Monterrey", "Mexico", "$163", "$78"],
    ["Montreal", "Canada", "$226", "$104"],
    ["Rotterdam", "Netherlands", "$249", "$123"],
    ["Shenzhen", "China", "$212", "$89"],
    ["Toronto", "Canada", "$244", "$109"],
    ["Vancouver", "Canada", "$258", "$112"],
    ["All other international locations", "-", "$190", "$90"],
  ],
};

const mileage: Table = {
  caption: "Table 5. Mileage and ground transportation",
  style: "plain",
  columns: [
    { header: ["Item"], width: 250 },
    { header: ["Reimbursed at"], width: 110, align: "right" },
  ],
  rows: [
    ["Personal car, per business mile", "$0.67"],
    ["Personal motorcycle, per business mile", "$0.58"],
    ["Company pool vehicle (fuel only, with receipt)", "Actual cost"],
    ["Parking at your home airport, per day", "$24"],
    ["Tolls, with receipt", "Actual cost"],
    ["Rideshare or taxi tip, maximum", "20%"],
  ],
};

export const travelSchedule: DocumentSource = {
  file: "larkspur-travel-per-diem-schedule-2027.pdf",
  title: "Larkspur Logistics - Travel and Per Diem Rate Schedule 2027",
  short: "Travel and Per Diem Rate Schedule 2027",
  subject: "Policy FIN-310, Schedule A: lodging and meal rates, booking rules, mileage",
  pages: [
    // 1
    [
      h1("Larkspur Logistics"),
      h1("Travel and Per Diem Rate Schedule 2027"),
      p("Policy FIN-310, Schedule A. Effective January 1, 2027 through December 31, 2027. Owner: Corporate Finance, Travel and Expense team."),
      h2("About this schedule"),
      p(
        "This schedule sets the rates Larkspur Logistics reimburses when you travel on company business: the most you may claim for a night's lodging, the daily allowance for meals and incidental expenses (M&IE), the booking class for flights, rail and rental cars, and mileage. It applies to all employees and to contractors whose agreement refers to Policy FIN-310. The rates are reviewed every October and replaced on January 1.",
      ),
      h2("How per diem works"),
      bullet("Lodging is reimbursed at your actual cost, up to the nightly maximum for the city where you stay overnight. Taxes and mandatory resort fees are reimbursed on top of the maximum."),
      bullet("Meals and incidentals are paid as a flat daily amount for the city where you stay overnight; you do not need meal receipts. Incidentals cover tips for porters and housekeeping and similar small costs."),
      bullet("On the day you leave and the day you return, you receive 75% of the day's total M&IE."),
      bullet("When a meal is provided (by a conference, a client or on a flight that serves a full meal), deduct that meal's amount from the day's M&IE, using the breakfast, lunch and dinner columns of Table 2."),
      bullet("A trip must be at least 50 miles from both your home and your regular work location, and include an overnight stay, for per diem to apply. Day trips are reimbursed for mileage and actual meal costs only with your manager's approval."),
      p(
        "Book flights, rail, rental cars and hotels through the Larkspur Travel Desk, run by Ridgeway Travel Partners: online through the travel portal, or by phone at 1-800-555-0163 (24 hours). Bookings made outside the Travel Desk are reimbursed only up to the fare the Travel Desk would have booked.",
      ),
      table(bookingRules),
      note("Upgrades paid with your own miles or points are allowed in every case. The CFO's approval for business class on domestic flights must be attached to the expense report."),
    ],
    // 2
    [
      h2("Domestic per diem rates"),
      p(
        "Table 2 lists the 2027 rates for the cities where Larkspur has terminals, cross-dock facilities, customers or carrier partners. Use the row for the city where you stay overnight, not the city of your meeting. Cities are in alphabetical order; the table continues on the next page. For a location that is not listed, use the last row, \"All other U.S. locations\". Seasonal rates that replace the lodging maximum for part of the year are in Table 3.",
      ),
      table(domestic, { from: 0, to: 27 }),
    ],
    // 3
    [
      table(domestic, { from: 27, continued: true }),
      note("The Total M&IE column is the full daily amount. On the first and last day of travel, multiply it by 75%."),
      h2("Seasonal lodging rates"),
      p(
        "In a few cities hotel prices rise sharply in certain months. During the seasons in Table 3, the seasonal maximum replaces the lodging maximum in Table 2; the meals and incidentals rates do not change.",
      ),
      table(seasonal),
    ],
    // 4
    [
      h2("International travel"),
      p(
        "International trips need approval from your vice president before booking, and a travel risk check by the Travel Desk for any country other than Canada and Mexico. Table 4 gives the per diem in U.S. dollars; expenses you pay in another currency are converted at the rate on your card statement, or at the Travel Desk's published rate for cash.",
      ),
      table(international),
      h2("Mileage and ground transportation"),
      p(
        "When you drive your own vehicle on company business, claim the business miles you drove, less your normal commute. Mileage covers fuel, wear and insurance; it is paid instead of, not on top of, fuel costs. Use a company pool vehicle where your site has one for trips of more than 150 miles round trip.",
      ),
      table(mileage),
      h2("Submitting your expenses"),
      p(
        "Submit your expense report in the expense system within 30 days of the end of the trip, with itemized receipts for lodging, airfare, rail, rental cars and any single expense of $75 or more. Reports submitted more than 90 days after the trip are reimbursed only with the approval of the Controller. Questions about this schedule go to the Travel and Expense team at travel.expense@larkspurlogistics.example or 1-800-555-0148.",
      ),
    ],
  ],
};
