/**
 * Larkspur Logistics - Paid Time Off Accrual Schedule 2027, Policy HR-120 (3 pages). Invented content.
 *
 * Tables: accrual rates by years of service for full-time and part-time employees (ruled grid, shaded
 * header with two- and three-line column headers, right-aligned figures); carryover, cash-out and
 * payout by employee type (ruled grid, cells wrapping onto two or three lines, padding between rows);
 * notice required (borderless, one wrapping column); 2027 holidays (borderless); other paid leave
 * (ruled grid, wrapping).
 */
import { bullet, h1, h2, note, p, table, type DocumentSource, type Table } from "./types";

const accrual: Table = {
  caption: "Table 1. PTO accrual by years of completed service",
  style: "grid",
  columns: [
    { header: ["Years of", "completed service"], width: 110 },
    { header: ["Full-time", "hours per", "pay period"], width: 70, align: "right" },
    { header: ["Full-time", "days per", "year"], width: 70, align: "right" },
    { header: ["Part-time", "hours per 30", "hours worked"], width: 76, align: "right" },
    { header: ["Maximum", "balance, full-", "time (hours)"], width: 77, align: "right" },
    { header: ["Maximum", "balance, part-", "time (hours)"], width: 77, align: "right" },
  ],
  rows: [
    ["Less than 1 year", "4.62", "15", "1.00", "180", "90"],
    ["1 to less than 3 years", "5.54", "18", "1.20", "216", "108"],
    ["3 to less than 5 years", "6.15", "20", "1.35", "240", "120"],
    ["5 to less than 10 years", "7.08", "23", "1.55", "276", "138"],
    ["10 to less than 15 years", "8.00", "26", "1.75", "312", "156"],
    ["15 years or more", "9.23", "30", "2.00", "360", "180"],
  ],
};

const carryover: Table = {
  caption: "Table 2. Carryover, cash-out and payout by employee type",
  style: "grid",
  rowGap: 4,
  columns: [
    { header: ["Employee type"], width: 105 },
    { header: ["Carryover into the next year"], width: 125 },
    { header: ["Cash-out during employment"], width: 125 },
    { header: ["When you leave Larkspur"], width: 125 },
  ],
  rows: [
    [
      "Full-time exempt (salaried)",
      "Up to 80 hours. Hours above 80 are forfeited on December 31.",
      "Once a year in November: up to 40 hours, if at least 80 hours remain afterwards.",
      "Unused PTO is paid in your final paycheck.",
    ],
    [
      "Full-time non-exempt (hourly)",
      "Up to 120 hours. Hours above 120 are forfeited on December 31.",
      "Once a year in November: up to 40 hours, if at least 40 hours remain afterwards.",
      "Unused PTO is paid in your final paycheck.",
    ],
    [
      "Part-time",
      "Up to 40 hours.",
      "Not available.",
      "Unused PTO is paid in your final paycheck.",
    ],
    [
      "Seasonal and temporary",
      "Seasonal employees do not accrue PTO; they earn paid sick time instead (1 hour per 30 hours worked, up to 40 hours a year).",
      "Not available.",
      "Unused sick time is not paid out.",
    ],
    [
      "Drivers under the Regional Driver Agreement",
      "Up to 96 hours, as set by the agreement.",
      "Up to 48 hours in June or December.",
      "Paid out under the agreement's terms.",
    ],
  ],
};

const notice: Table = {
  caption: "Table 3. Notice required for planned PTO",
  style: "plain",
  rowGap: 2,
  columns: [
    { header: ["Length of absence"], width: 150 },
    { header: ["Request at least"], width: 110 },
    { header: ["Approved by"], width: 200 },
  ],
  rows: [
    ["Up to 1 day", "2 business days", "Your manager"],
    ["2 to 4 consecutive days", "2 weeks", "Your manager"],
    ["5 or more consecutive days", "4 weeks", "Your manager; for warehouse and dispatch roles, also the site operations manager"],
    ["Any PTO from November 15 to December 31", "6 weeks", "Your manager and the site's peak-season coordinator, for warehouse, dispatch and customer service roles"],
  ],
};

const holidays: Table = {
  caption: "Table 4. 2027 company holidays",
  style: "plain",
  columns: [
    { header: ["Holiday"], width: 200 },
    { header: ["Date observed"], width: 130 },
    { header: ["Day"], width: 90 },
  ],
  rows: [
    ["New Year's Day", "January 1, 2027", "Friday"],
    ["Martin Luther King Jr. Day", "January 18, 2027", "Monday"],
    ["Memorial Day", "May 31, 2027", "Monday"],
    ["Independence Day", "July 5, 2027", "Monday"],
    ["Labor Day", "September 6, 2027", "Monday"],
    ["Thanksgiving Day", "November 25, 2027", "Thursday"],
    ["Day after Thanksgiving", "November 26, 2027", "Friday"],
    ["Christmas Eve", "December 23, 2027", "Thursday"],
    ["Christmas Day", "December 24, 2027", "Friday"],
  ],
};

const otherLeave: Table = {
  caption: "Table 5. Other paid leave (does not use PTO)",
  style: "grid",
  rowGap: 3,
  columns: [
    { header: ["Leave"], width: 130 },
    { header: ["Full-time employees"], width: 175 },
    { header: ["Part-time employees"], width: 175 },
  ],
  rows: [
    ["Floating holidays", "2 days a year, to be used by December 31", "1 day a year, to be used by December 31"],
    ["Bereavement: spouse, partner, child, parent or sibling", "5 days", "3 days"],
    ["Bereavement: grandparent, grandchild, in-law, aunt or uncle", "2 days", "1 day"],
    ["Jury duty", "Full pay for up to 10 days a year", "Full pay for up to 5 days a year"],
    ["Volunteer time", "16 hours a year at an approved nonprofit", "8 hours a year at an approved nonprofit"],
    ["Voting", "Up to 2 hours, if polls are not open 2 hours outside your shift", "Up to 2 hours, if polls are not open 2 hours outside your shift"],
  ],
};

export const ptoSchedule: DocumentSource = {
  file: "larkspur-pto-accrual-schedule-2027.pdf",
  title: "Larkspur Logistics - Paid Time Off Accrual Schedule 2027 (Policy HR-120)",
  short: "PTO Accrual Schedule 2027",
  subject: "Policy HR-120: PTO accrual, carryover, notice, holidays and other paid leave",
  pages: [
    // 1
    [
      h1("Larkspur Logistics"),
      h1("Paid Time Off Accrual Schedule 2027"),
      p("Policy HR-120. Effective January 1, 2027. Owner: People Operations."),
      h2("What PTO is for"),
      p(
        "Paid time off (PTO) is one bank of hours for vacation, personal time and illness. You decide how to use it, subject to the notice rules in Table 3. Company holidays, floating holidays, bereavement, jury duty, volunteer time and voting time are separate and do not use PTO (Tables 4 and 5).",
      ),
      h2("Employee types"),
      bullet("Full-time: scheduled for 36 or more hours a week. Full-time employees accrue a fixed number of hours each biweekly pay period, whatever hours they work in it."),
      bullet("Part-time: scheduled for 20 to 35 hours a week. Part-time employees accrue for each 30 hours actually worked, including overtime, up to the part-time maximum balance."),
      bullet("Seasonal and temporary employees, and drivers covered by the Regional Driver Agreement, follow Table 2."),
      h2("Accrual rates"),
      p(
        "PTO starts accruing on your first day and can be used after 60 days of employment. Your rate steps up on the first pay period after your service anniversary. Years of service count from your most recent hire date; if you are rehired within 12 months, your earlier service counts. When your balance reaches the maximum in Table 1, you stop accruing until you use some PTO.",
      ),
      table(accrual),
      note("Hours per pay period are rounded to two decimals; full-time days assume an 8-hour day. Full-time employees working a 4 x 10-hour schedule accrue the same hours and use 10 hours for each day off."),
    ],
    // 2
    [
      h2("Carryover, cash-out and payout"),
      p(
        "You can carry unused PTO into the next calendar year up to the limit for your employee type. Full-time employees may also cash out some PTO once a year, in the November cash-out window in the HR portal; it is paid in the second paycheck of December at your base rate. The rules differ by employee type:",
      ),
      table(carryover),
      note("Where a state law requires something more generous (for example, no forfeiture of accrued hours), the state law applies to employees working in that state."),
      h2("Requesting PTO"),
      p(
        "Request PTO in the HR portal. Requests are approved in the order they are received; your manager can decline a request when it would leave a shift below its minimum staffing. If you are ill, tell your manager before your shift starts; no advance notice is required for sick time.",
      ),
      table(notice),
    ],
    // 3
    [
      h2("Company holidays"),
      p(
        "Larkspur observes nine paid company holidays in 2027. When a holiday falls on a Saturday it is observed on the Friday before, and when it falls on a Sunday, on the Monday after. Employees who work on a company holiday, such as terminal and dispatch staff, are paid 1.5 times their base rate and get a substitute day off within 60 days.",
      ),
      table(holidays),
      h2("Other paid leave"),
      p(
        "These kinds of leave are paid in addition to PTO. Seasonal and temporary employees are eligible for jury duty and voting time only. Ask your HR business partner or call the People Operations help line at 1-800-555-0104 for leave not listed here, such as parental or military leave.",
      ),
      table(otherLeave),
    ],
  ],
};
