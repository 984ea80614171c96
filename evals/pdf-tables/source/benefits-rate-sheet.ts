/**
 * Larkspur Logistics - 2027 Benefits Rate Sheet (4 pages). Invented content.
 *
 * Tables: medical contributions per paycheck for three plans side by side, full-time and part-time
 * (ruled grid, shaded two-row header with plan names spanning two columns each, right-aligned
 * figures); dental and vision contributions (borderless, right-aligned); supplemental life rates by
 * age band (ruled grid, two-line headers); plan features at a glance (ruled grid, cells wrapping onto
 * two or three lines); account contributions and limits (ruled grid, wrapping); contacts (borderless).
 */
import { bullet, h1, h2, note, p, table, type DocumentSource, type Table } from "./types";

const [only, spouse, children, family] = ["Employee only", "Employee + spouse/partner", "Employee + child(ren)", "Employee + family"] as const;

const medical: Table = {
  caption: "Table 1. Medical plans: your contribution per paycheck (26 paychecks a year)",
  style: "grid",
  groups: [
    { label: "", span: 1 },
    { label: "Summit PPO", span: 2 },
    { label: "Harbor HMO", span: 2 },
    { label: "Basin HDHP", span: 2 },
  ],
  columns: [
    { header: ["Coverage tier"], width: 126 },
    { header: ["Full-time"], width: 59, align: "right" },
    { header: ["Part-time"], width: 59, align: "right" },
    { header: ["Full-time"], width: 59, align: "right" },
    { header: ["Part-time"], width: 59, align: "right" },
    { header: ["Full-time"], width: 59, align: "right" },
    { header: ["Part-time"], width: 59, align: "right" },
  ],
  rows: [
    [only, "$58.40", "$96.15", "$34.75", "$61.30", "$18.20", "$39.85"],
    [spouse, "$141.25", "$218.90", "$98.60", "$162.45", "$62.90", "$117.40"],
    [children, "$119.80", "$187.35", "$84.20", "$139.05", "$54.35", "$101.60"],
    [family, "$212.60", "$318.70", "$151.90", "$244.80", "$97.45", "$176.25"],
  ],
};

const dentalVision: Table = {
  caption: "Table 2. Dental and vision: your contribution per paycheck",
  style: "plain",
  columns: [
    { header: ["Coverage tier"], width: 150 },
    { header: ["Basic Dental"], width: 90, align: "right" },
    { header: ["Dental Plus"], width: 90, align: "right" },
    { header: ["Vision"], width: 90, align: "right" },
  ],
  rows: [
    [only, "$4.10", "$9.85", "$2.60"],
    [spouse, "$8.45", "$19.70", "$5.15"],
    [children, "$9.30", "$21.40", "$5.60"],
    [family, "$13.75", "$31.95", "$8.20"],
  ],
};

const life: Table = {
  caption: "Table 3. Supplemental life insurance: monthly rates by age band",
  style: "grid",
  columns: [
    { header: ["Age on January 1, 2027"], width: 140 },
    { header: ["Employee", "per $10,000 of coverage"], width: 150, align: "right" },
    { header: ["Spouse/partner", "per $5,000 of coverage"], width: 150, align: "right" },
  ],
  rows: [
    ["Under 30", "$0.48", "$0.31"],
    ["30 to 34", "$0.56", "$0.36"],
    ["35 to 39", "$0.74", "$0.45"],
    ["40 to 44", "$1.02", "$0.62"],
    ["45 to 49", "$1.58", "$0.95"],
    ["50 to 54", "$2.41", "$1.44"],
    ["55 to 59", "$4.12", "$2.48"],
    ["60 to 64", "$6.35", "$3.80"],
    ["65 to 69", "$10.90", "$6.52"],
    ["70 and over", "$17.75", "$10.60"],
  ],
};

const features: Table = {
  caption: "Table 4. Medical plan features at a glance (in-network)",
  style: "grid",
  rowGap: 3,
  columns: [
    { header: ["Feature"], width: 111 },
    { header: ["Summit PPO"], width: 123 },
    { header: ["Harbor HMO"], width: 123 },
    { header: ["Basin HDHP"], width: 123 },
  ],
  rows: [
    ["Deductible (individual / family)", "$750 / $1,500", "None", "$1,800 / $3,600"],
    ["Out-of-pocket maximum (individual / family)", "$3,500 / $7,000", "$2,800 / $5,600", "$3,800 / $7,600"],
    ["Coinsurance after the deductible", "20%", "Not applicable", "15%"],
    ["Primary care visit", "$25 copay; the deductible does not apply", "$15 copay", "15% after the deductible"],
    ["Specialist visit", "$55 copay", "$35 copay; referral from your primary care provider required", "15% after the deductible"],
    ["Virtual visit", "$10 copay", "$0 copay", "$0 after the deductible is met; $49 per visit before"],
    ["Urgent care", "$60 copay", "$45 copay", "15% after the deductible"],
    ["Emergency room", "$275 copay, waived if you are admitted", "$200 copay, waived if you are admitted", "15% after the deductible"],
    ["Generic drugs, 30-day supply at a retail pharmacy", "$10 copay", "$5 copay", "$10 after the deductible; preventive generics $0"],
    ["Out-of-network care", "40% after a separate $2,000 deductible", "Not covered except emergencies", "40% after the deductible"],
  ],
};

const accounts: Table = {
  caption: "Table 5. Spending accounts: Larkspur contributions and 2027 election limits",
  style: "grid",
  rowGap: 3,
  columns: [
    { header: ["Account"], width: 130 },
    { header: ["Who can enroll"], width: 130 },
    { header: ["Larkspur contributes", "per year"], width: 110, align: "right" },
    { header: ["Most you can elect", "per year"], width: 110, align: "right" },
  ],
  rows: [
    ["Health savings account (HSA), employee-only coverage", "Employees enrolled in the Basin HDHP", "$600", "$3,800 (with Larkspur's share)"],
    ["Health savings account (HSA), any other tier", "Employees enrolled in the Basin HDHP", "$1,200", "$7,600 (with Larkspur's share)"],
    ["Health care FSA", "Employees in the Summit PPO, Harbor HMO or no Larkspur medical plan", "None", "$3,250"],
    ["Limited purpose FSA (dental and vision only)", "Employees in the Basin HDHP", "None", "$3,250"],
    ["Dependent care FSA", "All benefits-eligible employees", "None", "$5,000 per household"],
    ["Commuter (transit and parking)", "All employees", "None", "$325 per month each"],
  ],
};

const contacts: Table = {
  caption: "Table 6. Plan contacts",
  style: "plain",
  columns: [
    { header: ["Plan"], width: 150 },
    { header: ["Administered by"], width: 190 },
    { header: ["Phone"], width: 100 },
  ],
  rows: [
    ["Summit PPO, Harbor HMO", "Meridian Health Partners", "1-800-555-0117"],
    ["Basin HDHP", "Meridian Health Partners", "1-800-555-0121"],
    ["HSA", "Keystone Savings Trust", "1-800-555-0129"],
    ["FSAs and commuter", "Tidemark Benefits Administration", "1-800-555-0135"],
    ["Basic Dental, Dental Plus", "BrightArc Dental", "1-800-555-0150"],
    ["Vision", "Lumen Vision Plans", "1-800-555-0186"],
    ["Supplemental life", "Cobalt Mutual Life", "1-800-555-0193"],
  ],
};

export const benefitsRateSheet: DocumentSource = {
  file: "larkspur-benefits-rate-sheet-2027.pdf",
  title: "Larkspur Logistics - 2027 Benefits Rate Sheet",
  short: "2027 Benefits Rate Sheet",
  subject: "Employee contributions for medical, dental, vision and life insurance, plan year 2027",
  pages: [
    // 1
    [
      h1("Larkspur Logistics"),
      h1("2027 Benefits Rate Sheet"),
      p("Plan year January 1, 2027 through December 31, 2027. Prepared by People Operations, Benefits team."),
      h2("Who this applies to"),
      p(
        "This rate sheet shows what you pay for Larkspur's 2027 benefits. Full-time employees are those scheduled for 36 or more hours a week; part-time employees scheduled for 24 to 35 hours a week are eligible for the medical, dental and vision plans at the part-time rates. Employees scheduled for fewer than 24 hours a week, seasonal and temporary employees are not eligible. Employees covered by the Regional Driver Agreement have their own rate sheet.",
      ),
      h2("How to read the rates"),
      bullet("Medical, dental and vision contributions are deducted from each of your 26 paychecks, before federal income tax, in the tier you choose for the whole plan year."),
      bullet("Larkspur pays the rest of the cost. Changes during the year are allowed only within 31 days of a qualifying life event, such as marriage, birth or adoption, or a spouse losing coverage."),
      bullet("If you or a covered spouse used tobacco in the last six months, a surcharge of $18.00 per paycheck is added to your medical contribution, whichever plan you choose. Completing the Breathe Free program removes it for the rest of the year."),
      bullet("Employee + child(ren) covers you and any number of children up to age 26; Employee + family covers you, your spouse or registered partner, and your children."),
      table(medical),
      note("Part-time rates apply to employees scheduled for 24 to 35 hours a week. Rates for employees on an unpaid leave are billed monthly at twice the per-paycheck amount shown."),
    ],
    // 2
    [
      h2("Dental and vision"),
      p(
        "Dental and vision are separate from medical: you can enroll in either without the other, and you can choose a different tier for each. The same rates apply to full-time and part-time employees. Basic Dental covers preventive care in full and basic services at 70%; Dental Plus adds major services and orthodontia for children under 19.",
      ),
      table(dentalVision),
      h2("Supplemental life insurance"),
      p(
        "Larkspur provides basic life insurance of one times your annual base pay at no cost to you. You may buy supplemental life for yourself in multiples of $10,000, up to five times your annual base pay or $750,000, whichever is less, and for your spouse or partner in multiples of $5,000, up to $150,000. Coverage above $250,000 for you, or above $50,000 for your spouse or partner, needs a health questionnaire approved by Cobalt Mutual Life.",
      ),
      p(
        "Rates are monthly and depend on the age of the person covered on January 1, 2027. Your monthly cost is deducted in two equal parts from the first two paychecks of each month. Child life insurance is $0.95 a month for $10,000 of coverage for each of your children.",
      ),
      table(life),
      note("Example: an employee aged 42 who buys $100,000 of supplemental life pays 10 x $1.02 = $10.20 a month."),
    ],
    // 3
    [
      h2("Comparing the medical plans"),
      p(
        "All three plans cover the same services: preventive care in full in network, and hospital, maternity, mental health, prescription drugs and therapy. They differ in what you pay when you use care. The Summit PPO lets you see any provider; the Harbor HMO uses the Harbor network only and needs a referral for specialists; the Basin HDHP has the lowest contributions and a higher deductible, and lets you save in a health savings account (Table 5).",
      ),
      table(features),
      note("Family deductibles are embedded in the Summit PPO: no one person pays more than the individual deductible. In the Basin HDHP the family deductible must be met before the plan pays for anyone in a family tier."),
    ],
    // 4
    [
      h2("Spending accounts"),
      p(
        "Spending accounts let you pay for eligible expenses with money that is not taxed. Larkspur contributes to your health savings account if you enroll in the Basin HDHP, in equal parts with each paycheck. The amounts you elect for a flexible spending account (FSA) are deducted in 26 equal parts and are available from January 1 (health care and limited purpose FSAs) or as they are deducted (dependent care FSA).",
      ),
      table(accounts),
      note("Up to $640 of unused health care or limited purpose FSA money carries over into 2028. Dependent care FSA money does not carry over."),
      h2("Enrolling and contacts"),
      p(
        "Open enrollment for 2027 runs from November 2 to November 20, 2026, in the benefits portal. New employees have 31 days from their start date to enroll; coverage starts on the first day of the month after the start date. If you do not enroll, you will have no medical, dental or vision coverage in 2027, except basic life insurance. Questions go to the Benefits team at 1-800-555-0110 or benefits@larkspurlogistics.example.",
      ),
      table(contacts),
    ],
  ],
};
