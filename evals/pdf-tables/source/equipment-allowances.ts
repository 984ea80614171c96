/**
 * Larkspur Logistics - Equipment and Allowance Schedule 2027, Policy IT-205 (3 pages). Invented content.
 *
 * Tables: standard equipment by role (ruled grid, cells wrapping onto two or three lines); monthly and
 * one-time allowances by role (borderless, two-line headers, right-aligned figures); safety gear
 * allowances (ruled grid, wrapping, right-aligned amounts); lost or damaged equipment charges
 * (borderless, right-aligned).
 */
import { bullet, h1, h2, note, p, table, type DocumentSource, type Table } from "./types";

const equipment: Table = {
  caption: "Table 1. Standard equipment by role family",
  style: "grid",
  rowGap: 3,
  fontSize: 8,
  columns: [
    { header: ["Role family"], width: 92 },
    { header: ["Computer"], width: 118 },
    { header: ["Monitors"], width: 92 },
    { header: ["Replaced every"], width: 64 },
    { header: ["Mobile phone"], width: 114 },
  ],
  rows: [
    ["Software engineering", "16-inch laptop, 32 GB memory, 1 TB storage", "Two 27-inch 4K monitors", "3 years", "Your own phone, with the monthly stipend in Table 2"],
    ["Data and analytics", "16-inch laptop, 32 GB memory, 512 GB storage", "Two 27-inch monitors", "3 years", "Your own phone, with the monthly stipend in Table 2"],
    ["Finance, HR and legal", "14-inch laptop, 16 GB memory", "One 27-inch monitor", "4 years", "Your own phone, with the monthly stipend in Table 2"],
    ["Sales and account management", "14-inch lightweight laptop, 16 GB memory", "One 15-inch portable monitor", "3 years", "Company-issued smartphone"],
    ["Dispatch and operations control", "Desktop workstation at the dispatch desk", "Three 24-inch monitors", "5 years", "Your own phone, with the monthly stipend in Table 2"],
    ["Customer service (remote)", "14-inch laptop, 16 GB memory, and a USB headset", "Two 24-inch monitors", "4 years", "None; calls are made with the softphone app"],
    ["Warehouse supervisors", "Rugged 13-inch laptop", "None", "4 years", "Company-issued rugged smartphone"],
    ["Drivers", "In-cab rugged tablet", "None", "5 years, or sooner if damaged", "Company-issued rugged smartphone"],
    ["Vice presidents and above", "14-inch laptop of your choice from the executive catalog", "Two 27-inch monitors", "3 years", "Company-issued smartphone"],
  ],
};

const allowances: Table = {
  caption: "Table 2. Monthly and one-time allowances by role family",
  style: "plain",
  columns: [
    { header: ["Role family"], width: 150 },
    { header: ["Phone stipend", "per month"], width: 80, align: "right" },
    { header: ["Internet stipend", "per month"], width: 84, align: "right" },
    { header: ["Home office setup", "(one-time)"], width: 88, align: "right" },
    { header: ["Learning budget", "per year"], width: 78, align: "right" },
  ],
  rows: [
    ["Software engineering", "$45", "$50", "$600", "$1,500"],
    ["Data and analytics", "$42", "$48", "$575", "$1,250"],
    ["Finance, HR and legal", "$40", "$35", "$450", "$1,000"],
    ["Sales and account management", "None", "$40", "$300", "$1,200"],
    ["Dispatch and operations control", "$30", "None", "None", "$800"],
    ["Customer service (remote)", "None", "$55", "$525", "$650"],
    ["Warehouse supervisors", "None", "None", "None", "$700"],
    ["Drivers", "None", "None", "None", "$500"],
    ["Vice presidents and above", "$75", "$80", "$1,000", "$3,000"],
  ],
};

const safety: Table = {
  caption: "Table 3. Safety gear allowances",
  style: "grid",
  rowGap: 2,
  columns: [
    { header: ["Who"], width: 130 },
    { header: ["Item"], width: 160 },
    { header: ["Allowance"], width: 70, align: "right" },
    { header: ["How often"], width: 120 },
  ],
  rows: [
    ["Warehouse associates and warehouse supervisors", "Safety-toe boots meeting ASTM F2413", "$175", "Every 12 months"],
    ["Drivers", "Safety-toe boots meeting ASTM F2413", "$200", "Every 12 months"],
    ["Drivers and yard staff at the Duluth, Fargo and Billings terminals", "Insulated cold-weather jacket and gloves", "$160", "Every 24 months"],
    ["Warehouse associates, supervisors and yard staff", "Prescription safety glasses, including the eye exam", "$250", "Every 24 months"],
    ["Yard staff", "High-visibility rain gear", "$90", "Every 12 months"],
  ],
};

const charges: Table = {
  caption: "Table 4. Charges for lost or damaged equipment",
  style: "plain",
  columns: [
    { header: ["Item"], width: 170 },
    { header: ["First incident"], width: 100, align: "right" },
    { header: ["Second incident", "within 24 months"], width: 110, align: "right" },
    { header: ["Third incident", "within 24 months"], width: 100, align: "right" },
  ],
  rows: [
    ["Laptop", "$0", "$250", "$600"],
    ["Smartphone", "$0", "$120", "$300"],
    ["In-cab tablet", "$0", "$175", "$400"],
    ["Monitor", "$0", "$60", "$150"],
    ["Headset", "$0", "$25", "$45"],
  ],
};

export const equipmentSchedule: DocumentSource = {
  file: "larkspur-equipment-allowance-schedule-2027.pdf",
  title: "Larkspur Logistics - Equipment and Allowance Schedule 2027 (Policy IT-205)",
  short: "Equipment and Allowance Schedule 2027",
  subject: "Policy IT-205: standard equipment, stipends, home office and safety gear allowances by role",
  pages: [
    // 1
    [
      h1("Larkspur Logistics"),
      h1("Equipment and Allowance Schedule 2027"),
      p("Policy IT-205. Effective January 1, 2027. Owners: IT Services and People Operations."),
      h2("Purpose"),
      p(
        "This schedule lists the equipment Larkspur provides for each role family and the allowances paid for phones, home internet, home office setup, learning and safety gear. Your role family is shown in the HR portal under Job details. If your role is not listed, IT Services assigns the closest role family when you start.",
      ),
      h2("Standard equipment"),
      p(
        "New employees receive their standard equipment on their first day. Equipment is replaced on the cycle below, or earlier if IT Services finds it faulty. A request for equipment that is not standard for your role needs your director's approval and a business reason in the IT request form; accessibility equipment is approved through People Operations and is never charged to your department.",
      ),
      table(equipment),
      note("Docking stations, keyboards and mice are provided to every role family that receives a laptop. Monitors for home use are shipped once; a second set for the office is available at Larkspur sites with hot desks."),
    ],
    // 2
    [
      h2("Allowances"),
      p(
        "Stipends are paid with your first paycheck of each month and are taxable income. The phone stipend is for employees who use their own phone for work; employees with a company-issued phone do not receive it. The internet stipend is for employees whose role is designated remote or hybrid. The home office setup allowance is paid once, after your first 30 days, against receipts for a desk, chair, lighting or similar items.",
      ),
      bullet("Part-time employees receive half of the phone and internet stipends and half of the home office setup allowance."),
      bullet("The learning budget covers courses, certifications, conferences and books related to your role, with your manager's approval. Unused budget does not carry over."),
      table(allowances),
      h2("Safety gear"),
      p(
        "Employees in warehouse, yard and driving roles buy their own safety gear from an approved vendor and claim it in the expense system with the receipt, up to the allowance below. Gear that is damaged at work before the period ends is replaced at any time with your supervisor's approval.",
      ),
      table(safety),
    ],
    // 3
    [
      h2("Looking after equipment"),
      p(
        "Equipment issued to you stays the property of Larkspur Logistics. Report a lost, stolen or damaged device to the IT Service Desk within 24 hours, at 1-800-555-0199 or extension 4357, so it can be locked remotely. A police report is required for theft. Charges for repeated loss or damage are deducted from your pay, where state law allows, and are waived when the damage happened while you were doing your job safely.",
      ),
      table(charges),
      h2("When you leave"),
      p(
        "Return all equipment within 10 business days of your last day, using the prepaid shipping kit IT Services sends you, or at any Larkspur site. Equipment that is not returned within 30 days is charged at its replacement value, and stipends stop with the last full month of employment.",
      ),
      h2("Questions"),
      p("Equipment questions go to the IT Service Desk; allowance and stipend questions go to People Operations at 1-800-555-0104."),
    ],
  ],
};
