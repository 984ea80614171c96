/**
 * The text of the two Northwind Mutual medical plan booklets (Summary Plan Descriptions, plan year
 * 2027). Both booklets come from one template, as an employer's real booklets do: same sections,
 * mostly the same wording, different figures and a few rules that differ (referrals and the service
 * area in the HMO, out-of-network coverage in the PPO).
 *
 * Each booklet is a list of pages; a page is a list of lines: "# " a heading, "## " a subheading,
 * "- " a bullet, "" nothing, anything else a paragraph. build.ts renders one PDF page per entry.
 * Northwind Mutual and everything in here is invented.
 */

export interface Plan {
  file: string;
  title: string;
  short: string; // "Choice Plus PPO"
  kind: "PPO" | "HMO";
  groupNumber: string;
  phone: string;
  contribution: { employee: string; spouse: string; children: string; family: string };
  deductible: { single: string; family: string };
  oonDeductible?: { single: string; family: string };
  oop: { single: string; family: string };
  oonOop?: { single: string; family: string };
  coinsurance: string;
  pcp: string;
  specialist: string;
  telehealth: string;
  urgent: string;
  er: string;
  inpatient: string;
  outpatientSurgery: string;
  imaging: string;
  chiroVisits: string;
  chiroCopay: string;
  therapyVisits: string;
  hearingAid: string;
  infertility: string;
  rx: { t1: string; t2: string; t3: string; t4: string; m1: string; m2: string; m3: string };
  claimDeadline: string;
}

export const choicePlus: Plan = {
  file: "northwind-choice-plus-ppo-spd-2027.pdf",
  title: "Northwind Medical Plan - Choice Plus PPO, Summary Plan Description 2027",
  short: "Choice Plus PPO",
  kind: "PPO",
  groupNumber: "NWM-27-PPO-4410",
  phone: "1-800-555-0142",
  contribution: { employee: "$68.50", spouse: "$162.00", children: "$138.00", family: "$231.00" },
  deductible: { single: "$1,000", family: "$2,000" },
  oonDeductible: { single: "$2,500", family: "$5,000" },
  oop: { single: "$4,000", family: "$8,000" },
  oonOop: { single: "$9,000", family: "$18,000" },
  coinsurance: "20%",
  pcp: "$25 copay",
  specialist: "$50 copay",
  telehealth: "$10 copay",
  urgent: "$75 copay",
  er: "$300 copay",
  inpatient: "20% coinsurance after the deductible",
  outpatientSurgery: "20% coinsurance after the deductible",
  imaging: "20% coinsurance after the deductible",
  chiroVisits: "20 visits",
  chiroCopay: "$40 copay",
  therapyVisits: "30 visits",
  hearingAid: "$2,000",
  infertility: "$15,000",
  rx: { t1: "$10", t2: "$40", t3: "$75", t4: "25% coinsurance, up to $250", m1: "$20", m2: "$80", m3: "$150" },
  claimDeadline: "12 months",
};

export const selectHmo: Plan = {
  file: "northwind-select-hmo-spd-2027.pdf",
  title: "Northwind Medical Plan - Select HMO, Summary Plan Description 2027",
  short: "Select HMO",
  kind: "HMO",
  groupNumber: "NWM-27-HMO-4420",
  phone: "1-800-555-0178",
  contribution: { employee: "$42.00", spouse: "$118.00", children: "$101.00", family: "$176.00" },
  deductible: { single: "$500", family: "$1,000" },
  oop: { single: "$3,000", family: "$6,000" },
  coinsurance: "10%",
  pcp: "$20 copay",
  specialist: "$40 copay",
  telehealth: "$0 copay",
  urgent: "$50 copay",
  er: "$250 copay",
  inpatient: "$500 copay per admission",
  outpatientSurgery: "$250 copay",
  imaging: "$150 copay",
  chiroVisits: "12 visits",
  chiroCopay: "$30 copay",
  therapyVisits: "20 visits",
  hearingAid: "$1,500",
  infertility: "$10,000",
  rx: { t1: "$5", t2: "$30", t3: "$60", t4: "$150 copay", m1: "$10", m2: "$60", m3: "$120" },
  claimDeadline: "90 days",
};

export function pages(p: Plan): string[][] {
  const ppo = p.kind === "PPO";
  const sp = `${p.short} plan`;
  const ci = `${p.coinsurance} coinsurance after the deductible`;
  return [
    // 1 cover
    [
      "# Northwind Mutual",
      `# Northwind Medical Plan - ${p.short}`,
      "## Summary Plan Description",
      "Plan year: January 1, 2027 through December 31, 2027",
      "",
      `This booklet is the Summary Plan Description (SPD) for the ${sp}, one of the two medical options Northwind Mutual offers to its employees in 2027. The other option is the ${ppo ? "Select HMO" : "Choice Plus PPO"}, which is described in its own booklet. The two booklets are organised the same way, but the costs you pay and some of the rules are different, so be sure you are reading the booklet for the plan you are enrolled in.`,
      "## Plan facts",
      "- Plan sponsor and plan administrator: Northwind Mutual Insurance Company, Benefits Department, 400 Harbor Street, Lakeport",
      "- Claims administrator: Harborline Health Services",
      "- Pharmacy benefit manager: ClearPath Rx",
      `- Group number: ${p.groupNumber}`,
      `- Member Services (Harborline): ${p.phone}, Monday to Friday, 8 a.m. to 8 p.m.`,
      "- ClearPath Rx pharmacy help line: 1-800-555-0190, 24 hours a day",
      "- Northwind Benefits Service Center: 1-800-555-0101 or benefits@northwindmutual.example",
      "- Plan type: self-funded group health plan; ERISA plan number 501",
      "",
      "Northwind Mutual intends to continue the plan but reserves the right to amend or end it at any time. If there is a conflict between this booklet and the official plan document, the plan document governs.",
    ],
    // 2 contents, how the plan works
    [
      "# Contents",
      "- How the plan works (page 2)",
      "- Eligibility (page 3)",
      "- Enrolment and changing your coverage (page 4)",
      "- What you pay: deductible, coinsurance and out-of-pocket maximum (page 5)",
      "- Schedule of benefits: visits and emergencies (page 6)",
      "- Schedule of benefits: hospital and other services (page 7)",
      "- Preventive care (page 8)",
      "- Prescription drugs (page 9)",
      "- Network, referrals and prior authorization (page 10)",
      "- What the plan does not cover (page 11)",
      "- Claims and appeals (page 12)",
      "- COBRA continuation coverage and your other rights (page 13)",
      "- Definitions (page 14)",
      "# How the plan works",
      ppo
        ? "The Choice Plus PPO is a preferred provider organization plan. You may see any provider you choose. When you use providers in the Harborline Choice network (in-network providers), you pay less: the plan has negotiated rates with them and they file claims for you. You may also use providers outside the network (out-of-network providers); the plan still pays a share, but you pay a separate, higher deductible and more coinsurance, and the provider may bill you for the difference between its charge and the allowed amount."
        : "The Select HMO is a health maintenance organization plan. You receive care from providers in the Harborline Select network, which serves the Greater Lakeport service area (Lakeport, Marlow, Ashby and Kent counties). Each member chooses a primary care physician (PCP) who provides routine care and refers you to specialists when you need them. Care from providers outside the network is not covered, except for emergency care and urgent care you receive while outside the service area.",
      "Most services are subject to the deductible: you pay the full allowed amount until you meet it, and then you and the plan share the cost through coinsurance. Office visits, urgent care and prescriptions are paid with a copay instead and are not subject to the deductible. Preventive care from in-network providers is covered in full.",
      "Everything you pay for covered in-network care (deductible, copays and coinsurance) counts toward the out-of-pocket maximum. When you reach it, the plan pays 100% of covered in-network charges for the rest of the plan year.",
    ],
    // 3 eligibility
    [
      "# Eligibility",
      "## Employees",
      "You are eligible for the plan if you are a regular employee of Northwind Mutual scheduled to work at least 30 hours a week. Temporary employees, interns, independent contractors and employees of staffing agencies are not eligible.",
      ppo
        ? "The Choice Plus PPO is available to eligible employees wherever they live or work."
        : "To enrol in the Select HMO you must live or work in the Greater Lakeport service area. If you move out of the service area, you must change to the Choice Plus PPO within 31 days of your move.",
      "## Dependents",
      "You may also cover the following dependents:",
      "- your legal spouse or registered domestic partner;",
      "- your children, stepchildren, adopted children, children placed with you for adoption and children for whom you are the legal guardian, until the end of the month in which they turn 26;",
      "- an unmarried child of any age who is incapable of self-support because of a mental or physical disability that began before age 26, if you apply within 31 days of the child's 26th birthday.",
      "You must provide documents that prove a dependent is eligible (for example, a marriage certificate or a birth certificate) within 45 days of enrolling them. A dependent whose eligibility is not verified in time will be removed from coverage.",
      "A person may be covered only once under Northwind's medical plans: as an employee or as a dependent, not both.",
      "## When coverage begins",
      "Coverage for you and your enrolled dependents begins on the first day of the month after you complete 30 days of employment, provided you enrol on time. If you are hired on the first day of a month, coverage begins on the first day of the following month.",
      "## When coverage ends",
      "Coverage ends on the last day of the month in which your employment ends or you stop being eligible. Coverage for a dependent ends on the last day of the month in which the dependent stops being eligible. You may be able to continue coverage under COBRA (see page 13).",
    ],
    // 4 enrolment
    [
      "# Enrolment and changing your coverage",
      "## When you are first eligible",
      "You must enrol within 31 days of your date of hire, through the Northwind People portal. If you do not enrol in time, you will have no medical coverage until the next open enrolment, unless you have a qualifying life event.",
      "## Open enrolment",
      "Each autumn there is an open enrolment period when you may change plans, add or remove dependents, or waive coverage for the following plan year. Open enrolment for the 2027 plan year runs from October 26 to November 13, 2026. If you do nothing during open enrolment, your medical election carries over to the next year.",
      "## Qualifying life events",
      "Outside open enrolment you may change your election only if you have a qualifying life event and the change is consistent with the event. You must request the change within 31 days of the event (60 days if you or a dependent lose Medicaid or CHIP coverage or become eligible for premium assistance under Medicaid or CHIP). Qualifying life events include:",
      "- marriage, divorce, legal separation or the start or end of a domestic partnership;",
      "- birth, adoption or placement for adoption of a child;",
      "- the death of a dependent;",
      "- a change in your or your spouse's employment that affects eligibility for coverage;",
      "- a dependent gaining or losing other coverage;",
      "- moving into or out of the Select HMO service area.",
      "Coverage for a newborn or newly adopted child begins on the date of birth, adoption or placement, if you enrol the child within 31 days. Other changes take effect on the first day of the month after the request is received.",
      "## What you pay for coverage",
      `Your share of the cost is deducted from your pay before taxes, from each of 26 biweekly paychecks. Northwind Mutual pays the rest of the cost of coverage. Your 2027 contributions per paycheck for the ${sp} are:`,
      `- Employee only: ${p.contribution.employee}`,
      `- Employee + spouse or domestic partner: ${p.contribution.spouse}`,
      `- Employee + child(ren): ${p.contribution.children}`,
      `- Employee + family: ${p.contribution.family}`,
      "Contributions for a domestic partner who is not your tax dependent are deducted after taxes, and the value of the partner's coverage is added to your taxable income.",
    ],
    // 5 what you pay
    [
      "# What you pay: deductible, coinsurance and out-of-pocket maximum",
      "## Deductible",
      `The deductible is the amount you pay each plan year for covered services before the plan begins to pay its share. For the ${sp} the annual deductible is:`,
      `- ${p.deductible.single} per person${ppo ? " (in-network)" : ""}`,
      `- ${p.deductible.family} per family${ppo ? " (in-network)" : ""}`,
      ...(ppo
        ? [
            `- ${p.oonDeductible!.single} per person (out-of-network)`,
            `- ${p.oonDeductible!.family} per family (out-of-network)`,
            "The in-network and out-of-network deductibles are separate: amounts you pay toward one do not count toward the other.",
          ]
        : ["There is no out-of-network deductible, because care outside the network is not covered except for emergencies and urgent care outside the service area, which are paid as in-network."]),
      "The family deductible is embedded: no one person pays more than the individual deductible, and once the family deductible has been met by any combination of family members, the deductible is met for everyone in the family for the rest of the plan year. Copays do not count toward the deductible.",
      "## Coinsurance",
      `After you meet the deductible, you pay ${p.coinsurance} of the allowed amount for most covered in-network services and the plan pays the rest.${ppo ? " For out-of-network services you pay 40% of the allowed amount, plus any amount the provider charges above the allowed amount." : ""}`,
      "## Out-of-pocket maximum",
      "The out-of-pocket maximum is the most you pay in a plan year for covered services. Deductible, copays and coinsurance, including prescription drug copays and coinsurance, count toward the out-of-pocket maximum. Your contributions for coverage, charges for services the plan does not cover and amounts above the allowed amount do not count.",
      `- ${p.oop.single} per person${ppo ? " (in-network)" : ""}`,
      `- ${p.oop.family} per family${ppo ? " (in-network)" : ""}`,
      ...(ppo
        ? [
            `- ${p.oonOop!.single} per person (out-of-network)`,
            `- ${p.oonOop!.family} per family (out-of-network)`,
          ]
        : []),
      "Like the deductible, the family out-of-pocket maximum is embedded: no one person pays more than the individual out-of-pocket maximum.",
      "## Plan year",
      "The deductible and the out-of-pocket maximum start again at zero on January 1 of each year. There is no carry-over of amounts paid in the last three months of the year.",
    ],
    // 6 schedule 1
    [
      "# Schedule of benefits: visits and emergencies",
      `The list below shows what you pay for covered services from in-network providers under the ${sp}. A copay is a fixed amount you pay for each visit or service and is not subject to the deductible. ${ppo ? "For out-of-network providers you pay 40% coinsurance after the out-of-network deductible, unless shown otherwise." : "Services from out-of-network providers are not covered unless shown otherwise."}`,
      "## Office visits",
      `- Primary care physician visit: ${p.pcp}`,
      `- Specialist visit: ${p.specialist}${ppo ? "" : " (a referral from your PCP is required)"}`,
      `- Telehealth visit through the Harborline Virtual Care app: ${p.telehealth}`,
      `- Mental health or substance use disorder office visit: ${p.pcp}`,
      "- Routine prenatal and postnatal visits: no charge",
      `- Allergy injections: ${p.kind === "PPO" ? "$10 copay" : "$5 copay"}`,
      "## Urgent and emergency care",
      `- Urgent care center: ${p.urgent}${ppo ? "" : "; covered outside the network only when you are outside the service area"}`,
      `- Emergency room: ${p.er}, waived if you are admitted to the hospital`,
      `- Emergency care from out-of-network providers: ${p.er}, the same as in-network`,
      `- Ground ambulance, emergency: ${ci}`,
      `- Air ambulance, when medically necessary: ${ci}`,
      "An emergency is a condition with symptoms so severe that a prudent layperson could reasonably expect that not getting immediate medical attention would seriously endanger the person's health. Emergency care is covered anywhere in the world and never needs a referral or prior authorization.",
      "If you are admitted to a hospital after an emergency room visit, you or the hospital must notify Harborline within 48 hours, or as soon as reasonably possible.",
      "## Convenience care",
      "- Retail health clinic (for example, a clinic inside a pharmacy): the same as a primary care physician visit",
      "- E-visit or portal message with your own physician: no charge",
    ],
    // 7 schedule 2
    [
      "# Schedule of benefits: hospital and other services",
      `What you pay for covered in-network services under the ${sp}:`,
      "## Hospital and surgery",
      `- Inpatient hospital stay (semi-private room, meals, nursing, surgery): ${p.inpatient}`,
      `- Outpatient surgery at a hospital or ambulatory surgery center: ${p.outpatientSurgery}`,
      `- Physician and surgeon fees in the hospital: ${ci}`,
      `- Skilled nursing facility, when prior authorized: ${ci}`,
      "- Home health care and hospice care: no charge",
      "## Tests and imaging",
      "- Laboratory tests and X-rays: no charge",
      `- Advanced imaging (MRI, CT and PET scans): ${p.imaging}`,
      "## Maternity",
      `- Delivery and inpatient stay for mother and newborn: ${p.inpatient}`,
      "- Breast pump, one per pregnancy: no charge",
      "## Mental health and substance use disorder",
      `- Inpatient and residential treatment: ${p.inpatient}`,
      `- Outpatient office visits and therapy: ${p.pcp}`,
      "Northwind's Employee Assistance Program also offers free, confidential counselling sessions; it is a separate program and is not part of this plan.",
      "## Rehabilitation and other services",
      `- Physical, occupational and speech therapy: ${p.specialist}, up to ${p.therapyVisits} per plan year for all three therapies combined`,
      `- Chiropractic care: ${p.chiroCopay}, up to ${p.chiroVisits} per plan year`,
      `- Hearing aids: covered up to ${p.hearingAid} per ear every 36 months`,
      `- Durable medical equipment: ${ci}`,
      `- Infertility diagnosis and treatment, including in vitro fertilization: ${ci}, up to a lifetime maximum of ${p.infertility} per member`,
      "- Bariatric surgery: covered with prior authorization for members who meet Harborline's clinical criteria; paid as outpatient surgery or an inpatient stay",
    ],
    // 8 preventive
    [
      "# Preventive care",
      `The ${sp} covers preventive care in full (no deductible, copay or coinsurance) when you receive it from an in-network provider. ${ppo ? "Preventive care from out-of-network providers is paid at 40% coinsurance after the out-of-network deductible." : "Preventive care from out-of-network providers is not covered."} Preventive care includes:`,
      "- one routine physical exam per plan year for adults;",
      "- well-child visits on the schedule recommended by the American Academy of Pediatrics;",
      "- immunizations recommended by the Centers for Disease Control and Prevention, including the annual flu vaccine;",
      "- screenings for blood pressure, cholesterol, diabetes, depression and sexually transmitted infections;",
      "- cancer screenings: mammograms starting at age 40, cervical cancer screening, and colorectal cancer screening starting at age 45, including a screening colonoscopy;",
      "- one routine eye exam per plan year, including a refraction;",
      "- women's preventive services, including well-woman visits and FDA-approved contraceptives;",
      "- tobacco cessation counselling and medication;",
      "- prenatal screenings and breastfeeding support and counselling.",
      "## When a preventive visit is not free",
      "If during a preventive visit your provider also treats a condition you already have, or orders tests to diagnose a problem, you may be charged the usual copay or coinsurance for that part of the visit. A colonoscopy that begins as a screening stays preventive even if a polyp is removed.",
      "## Flu vaccines at a pharmacy",
      "You may also get the annual flu vaccine at no charge at any pharmacy in the ClearPath Rx network by showing your member ID card.",
      "## Wellness program",
      "Members who complete an annual physical and an online health assessment may earn a reward under the Northwind Well program. The program and its rewards are described on the Northwind People portal and are not part of this plan.",
    ],
    // 9 prescription drugs
    [
      "# Prescription drugs",
      "Prescription drugs are covered through ClearPath Rx. Prescription copays are not subject to the deductible, and they count toward the out-of-pocket maximum. Drugs are placed in four tiers on the ClearPath Rx formulary (drug list).",
      "## Retail pharmacy, up to a 30-day supply",
      `- Tier 1 (preferred generic): ${p.rx.t1} copay`,
      `- Tier 2 (preferred brand): ${p.rx.t2} copay`,
      `- Tier 3 (non-preferred brand and generic): ${p.rx.t3} copay`,
      `- Tier 4 (specialty): ${p.rx.t4} per prescription`,
      "## Mail order or 90-day retail, up to a 90-day supply",
      `- Tier 1: ${p.rx.m1} copay`,
      `- Tier 2: ${p.rx.m2} copay`,
      `- Tier 3: ${p.rx.m3} copay`,
      "- Tier 4: not available; specialty drugs are limited to a 30-day supply",
      "## Specialty drugs",
      "Specialty drugs must be filled through ClearPath Specialty Pharmacy after the first fill. A first fill at a retail pharmacy is allowed so that you can start treatment without delay.",
      "## If you choose a brand-name drug",
      "If you choose a brand-name drug when a generic equivalent is available, you pay the generic copay plus the difference in cost between the brand-name drug and the generic, unless your doctor certifies that the brand-name drug is medically necessary. The cost difference does not count toward the out-of-pocket maximum.",
      "## Prior authorization, step therapy and quantity limits",
      "Some drugs need prior authorization from ClearPath Rx before they are covered. Under step therapy, you may need to try a lower-cost drug first. Some drugs have quantity limits for safety. Your doctor can request an exception.",
      "## Out-of-network pharmacies",
      `${ppo ? "If you fill a prescription at a pharmacy outside the ClearPath Rx network, you pay the full price and may submit a claim; the plan reimburses the allowed amount less your copay." : "Prescriptions filled at pharmacies outside the ClearPath Rx network are not covered, except in an emergency or when you are outside the service area."}`,
    ],
    // 10 network, referrals, prior auth
    [
      "# Network, referrals and prior authorization",
      ...(ppo
        ? [
            "## Using the network",
            "You do not need to choose a primary care physician, and you do not need a referral to see a specialist. You may see any in-network or out-of-network provider. To find an in-network provider, use the Harborline Choice directory on the Harborline website or call Member Services.",
            "## Out-of-network care",
            "Out-of-network care is covered at 40% coinsurance after the out-of-network deductible. The plan pays based on the allowed amount. Out-of-network providers may bill you for the difference between their charge and the allowed amount (balance billing); this difference does not count toward your deductible or out-of-pocket maximum. You are protected from balance billing for emergency care and for care from out-of-network providers at an in-network hospital, as required by the No Surprises Act.",
            "## Travelling",
            "The Harborline Choice network is nationwide, so you and your covered dependents can use in-network providers when you travel or live away from home, for example a child at college.",
          ]
        : [
            "## Choosing a primary care physician",
            "Each member must choose a primary care physician (PCP) from the Harborline Select directory. Each family member may choose a different PCP, and a pediatrician may be chosen as the PCP for a child. If you do not choose one, Harborline will assign a PCP to you. You may change your PCP once a month; the change takes effect on the first day of the following month.",
            "## Referrals",
            "You need a referral from your PCP before you see a specialist or receive most other care from anyone other than your PCP. A referral is valid for 90 days and for the number of visits your PCP approves. If you see a specialist without a referral, the plan will not pay for the visit.",
            "You do not need a referral for: emergency care; urgent care; an in-network OB/GYN; in-network mental health and substance use disorder care; the routine eye exam; or telehealth visits.",
            "## Out-of-network care",
            "Care from providers outside the Harborline Select network is not covered, except for emergency care and urgent care when you are outside the service area. If you need care that no in-network provider can give, your PCP may ask Harborline to approve an out-of-network provider; approved care is paid as in-network.",
            "## Travelling",
            "When you are outside the Greater Lakeport service area, only emergency and urgent care are covered. Dependents who live outside the service area, for example a child at college, are covered only for emergency and urgent care; consider the Choice Plus PPO if a dependent lives elsewhere.",
          ]),
      "## Prior authorization",
      "Some services must be approved by Harborline before you receive them, including: scheduled inpatient admissions, skilled nursing facility stays, advanced imaging, bariatric surgery, infertility treatment, durable medical equipment costing more than $1,000 and home health care.",
      `${ppo ? "In-network providers request prior authorization for you. For out-of-network care, you are responsible for getting it; if you do not, the plan pays $500 less for that service or admission." : "Your PCP or the in-network provider requests prior authorization for you."} For a scheduled inpatient admission, prior authorization must be requested at least 5 business days before the admission.`,
    ],
    // 11 exclusions
    [
      "# What the plan does not cover",
      `The ${sp} does not cover the following, even if a provider recommends them:`,
      "- services that are not medically necessary, and experimental or investigational treatment;",
      "- cosmetic surgery, except to repair an injury, to correct a congenital defect in a child or for reconstruction after a mastectomy;",
      "- custodial care and long-term care;",
      "- eyeglasses and contact lenses (these may be covered under the separate Northwind vision plan);",
      "- routine dental care (see the Northwind dental plan), except treatment of an accidental injury to sound natural teeth within 12 months of the injury;",
      "- weight-loss programs and over-the-counter weight-loss drugs, except as part of covered bariatric surgery;",
      "- acupuncture, massage therapy and naturopathy;",
      "- reversal of voluntary sterilization;",
      "- services for which you have no legal obligation to pay, and services covered by workers' compensation;",
      "- travel expenses, except ambulance services described on page 6;",
      "- private-duty nursing;",
      "- services received after your coverage ends.",
      ...(ppo
        ? []
        : ["- services from out-of-network providers, except emergency care, urgent care outside the service area and care approved by Harborline;", "- specialist care received without a referral, except as described on page 10."]),
      "## Coordination of benefits",
      "If you or a dependent are covered by another health plan, this plan coordinates benefits with it so that the two plans together do not pay more than the allowed amount. The plan covering you as an employee pays first. For children covered under both parents' plans, the plan of the parent whose birthday falls earlier in the calendar year pays first.",
      "## Subrogation",
      "If another party is responsible for your injury or illness, the plan may recover from that party, or from you, the amounts it paid.",
    ],
    // 12 claims and appeals
    [
      "# Claims and appeals",
      "## Filing a claim",
      `In-network providers file claims with Harborline for you. If you pay for covered care yourself${ppo ? ", for example when you use an out-of-network provider," : ", for example for emergency care abroad,"} you must send Harborline a claim form with an itemized bill within ${p.claimDeadline} of the date of service. Claims sent later will not be paid unless you could not reasonably send them in time.`,
      "## When Harborline decides",
      "- Urgent care claims: within 72 hours of receiving the claim.",
      "- Pre-service claims (prior authorization): within 15 days.",
      "- Post-service claims: within 30 days.",
      "Harborline may extend the time by 15 days if it needs more information, and will tell you before the original period ends.",
      "## Appeals",
      "If a claim is denied in whole or in part, you may appeal. You must file your appeal in writing within 180 days of receiving the denial. You may send written comments and documents and ask to see, free of charge, the documents relevant to your claim. Harborline decides appeals:",
      "- for urgent care claims, within 72 hours;",
      "- for pre-service claims, within 30 days;",
      "- for post-service claims, within 60 days.",
      "## External review",
      "If your appeal is denied and the denial involved medical judgment, you may ask for an external review by an independent review organization. You must request it within 4 months of receiving the final denial. The decision of the independent review organization is binding on the plan.",
      "## Legal action",
      "You must complete the appeals process before bringing a lawsuit under ERISA, and any lawsuit must be filed within one year of the final decision on appeal.",
      "## Where to send claims and appeals",
      `Harborline Health Services, Claims and Appeals, P.O. Box 7200, Lakeport. Please include your group number (${p.groupNumber}) and member ID.`,
    ],
    // 13 COBRA and other rights
    [
      "# COBRA continuation coverage and your other rights",
      "## COBRA",
      "If your coverage ends because of certain qualifying events, you and your covered dependents may be able to continue it for a limited time by paying for it yourselves under the Consolidated Omnibus Budget Reconciliation Act (COBRA).",
      "- If your coverage ends because your employment ends (other than for gross misconduct) or your hours are reduced, you and your dependents may continue coverage for up to 18 months.",
      "- If a dependent loses coverage because of your death, divorce or legal separation, your entitlement to Medicare, or a child no longer being eligible, the dependent may continue coverage for up to 36 months.",
      "- If Social Security determines that you or a dependent were disabled within the first 60 days of COBRA coverage, coverage may be extended by 11 months, to 29 months.",
      "You or your dependent must notify the Northwind Benefits Service Center of a divorce, legal separation or a child losing eligibility within 60 days of the event. You will receive an election notice, and you have 60 days from the later of the date of the notice or the date coverage ends to elect COBRA. The first payment is due within 45 days of your election; later payments are due monthly, with a 30-day grace period.",
      "COBRA coverage costs up to 102% of the full cost of coverage (150% during a disability extension). Northwind Mutual does not pay any part of the cost of COBRA coverage.",
      "## Special enrolment rights (HIPAA)",
      "If you decline coverage because you have other coverage and later lose it, or if you gain a new dependent through marriage, birth or adoption, you may enrol yourself and your dependents if you request it within 31 days.",
      "## Women's Health and Cancer Rights Act",
      "The plan covers reconstruction after a mastectomy, surgery on the other breast to produce a symmetrical appearance, prostheses and treatment of physical complications, subject to the usual deductible and coinsurance.",
      "## Newborns' and Mothers' Health Protection Act",
      "The plan does not limit a hospital stay in connection with childbirth to less than 48 hours after a vaginal delivery or 96 hours after a cesarean section.",
      "## Your rights under ERISA",
      "You may examine, without charge, the plan documents at the Benefits Department and obtain copies on written request. The plan administrator may charge a reasonable fee for copies.",
    ],
    // 14 definitions
    [
      "# Definitions",
      "Allowed amount: the most the plan pays for a covered service. For in-network providers it is the negotiated rate; for out-of-network providers it is set by Harborline.",
      "Coinsurance: your share of the allowed amount for a covered service, as a percentage, after you meet the deductible.",
      "Copay: a fixed amount you pay for a covered service, such as an office visit or a prescription.",
      "Deductible: the amount you pay each plan year for covered services before the plan begins to pay its share, except for services paid with a copay and preventive care.",
      "Formulary: the ClearPath Rx list of covered prescription drugs and their tiers.",
      "In-network provider: a provider that has a contract with Harborline to serve members of the " + (ppo ? "Harborline Choice network." : "Harborline Select network."),
      "Medically necessary: health care that a prudent physician would provide to diagnose or treat an illness, injury or its symptoms, in keeping with accepted standards of medical practice, and not mainly for convenience.",
      "Out-of-pocket maximum: the most you pay for covered services in a plan year. After you reach it, the plan pays 100% of covered in-network charges for the rest of the plan year.",
      "Plan year: January 1 to December 31.",
      "Primary care physician (PCP): a family medicine, internal medicine or pediatric physician, or a nurse practitioner or physician assistant working with one." + (ppo ? "" : " Under the Select HMO, your PCP coordinates your care and gives referrals."),
      "Prior authorization: approval from Harborline, before you receive a service, that the service is medically necessary.",
      "Referral: " + (ppo ? "not required under the Choice Plus PPO." : "written approval from your PCP to see a specialist or other provider; required under the Select HMO for most care from anyone other than your PCP."),
      "Service area: " + (ppo ? "the Choice Plus PPO has no service area; the Harborline Choice network is nationwide." : "the Greater Lakeport service area: Lakeport, Marlow, Ashby and Kent counties."),
      "Urgent care: care for an illness or injury that needs prompt attention but is not an emergency.",
      "",
      `Northwind Mutual, ${p.title}. Questions: Northwind Benefits Service Center, 1-800-555-0101.`,
    ],
  ];
}
