import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addToGroups, ask, registerUser, signInAdmin, upload, type Account, type Source, type Upload } from "./support/api";
import { docxFile } from "./support/files";
import { PROBES, type Observation } from "./support/leak-probes";

/*
 * The canary leak matrix: documents restricted to different groups each hold a unique canary
 * string. Every user asks about every document in six phrasings (one with typos, one vague), and every surface in PROBES
 * is scanned for the canaries (and ids) of the documents that user may not read. Documents they
 * may read, and the administrator who reads all, are the controls: there the canary must be found,
 * so a broken chat or an empty index cannot pass as "no leaks".
 */

const stamp = randomBytes(3).toString("hex");
// Upper case in the documents; asked in lower case, so what a user types never contains the needle.
const canary = (tag: string) => `CANARY-${tag}-${randomBytes(6).toString("hex").toUpperCase()}`;
const group = (name: string) => `${name}-${stamp}`;

interface MatrixDocument {
  key: string;
  canary: string;
  groups: string[];
  file: (canary: string) => Promise<Upload> | Upload;
  phrasings: (canary: string) => string[];
}

const DOCUMENTS: MatrixDocument[] = [
  {
    key: "finance (md)",
    canary: canary("FIN"),
    groups: [group("finance")],
    file: (c) => ({
      name: `heron-budget-${stamp}.md`,
      mimeType: "text/markdown",
      content: `# Project Heron Budget\n\nThe Project Heron acquisition budget is filed under code ${c} with the board.\n\n## Reporting\n\nThe controller reports Heron spending every month to the steering committee.\n`,
    }),
    phrasings: (c) => [
      "What is the Project Heron acquisition budget?", c.toLowerCase(), "Which code is the acquisition budget filed under?",
      "Who does the controller report Heron spending to?", "heron budgett code", "Summarise the acquisition budget document",
    ],
  },
  {
    key: "hr (html)",
    canary: canary("HR"),
    groups: [group("hr")],
    file: (c) => ({
      name: `orion-retention-${stamp}.html`,
      mimeType: "text/html",
      content: `<!doctype html><html><head><title>Orion Retention Plan</title></head><body><h1>Orion Retention Plan</h1>
        <p>Retention bonuses under the Orion plan use salary band reference ${c} for senior engineers.</p>
        <p>Managers nominate candidates before the end of each quarter.</p></body></html>`,
    }),
    phrasings: (c) => [
      "Orion retention plan bonuses", c.toLowerCase(), "Which salary band reference applies to senior engineers?",
      "When do managers nominate retention candidates?", "orion retenshun bonus band", "What does the Orion plan say about senior engineers?",
    ],
  },
  {
    key: "legal (docx, two groups)",
    canary: canary("LEG"),
    groups: [group("legal"), group("execs")],
    file: async (c) => ({
      name: `falcon-hold-${stamp}.docx`,
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      content: await docxFile("Falcon Litigation Hold", [
        [{ text: `The Falcon litigation hold covers all email archives under matter number ${c} until the court rules.` }],
        [{ text: "Deleting any archived message during the hold is a disciplinary offence." }],
      ]),
    }),
    phrasings: (c) => [
      "Falcon litigation hold", c.toLowerCase(), "Which matter number covers the email archives?",
      "Can I delete archived email during the hold?", "falcon litigaton matter number", "How long does the Falcon hold last?",
    ],
  },
  {
    key: "public (txt, control)",
    canary: canary("PUB"),
    groups: [],
    file: (c) => ({
      name: `visitors-${stamp}.txt`,
      mimeType: "text/plain",
      content: `Visitor Badges\n\nVisitors sign in at reception and receive visitor badge ${c} for the day.\n`,
    }),
    phrasings: (c) => [
      "How do visitors sign in at reception?", c.toLowerCase(), "Which visitor badge do visitors receive?",
      "How long is a visitor badge valid?", "vistor badge number", "What happens when a visitor arrives?",
    ],
  },
];

/** Who asks: no group, one group, several groups, and the administrator (reads everything). */
const USERS = [
  { name: "Nora Nogroup", groups: [] as string[] },
  { name: "Finn Finance", groups: [group("finance")] },
  { name: "Sam Several", groups: [group("hr"), group("execs"), group("ops")] },
];

test("no user sees any trace of a document outside their groups, on any surface", async ({ browser }) => {
  test.setTimeout(900_000);
  const admin = await signInAdmin(browser);
  const uploaded = new Map<string, { documentId: string; versionId: string }>();
  for (const d of DOCUMENTS) uploaded.set(d.key, await upload(admin.request, { ...(await d.file(d.canary)), groups: d.groups }));

  const users: { account: Account; isAdmin: boolean; groups: string[] }[] = [{ account: admin, isAdmin: true, groups: [] }];
  for (const u of USERS) {
    const account = await registerUser(browser, u.name);
    if (u.groups.length > 0) await addToGroups(account.email, u.groups);
    users.push({ account, isAdmin: false, groups: u.groups });
  }
  const mayRead = (u: (typeof users)[number], d: MatrixDocument) => u.isAdmin || d.groups.length === 0 || d.groups.some((g) => u.groups.includes(g));

  const targets = new Map<string, Source>();
  let probes = 0;
  let leakingProbes = 0;
  const leaks: string[] = [];
  const found = new Set<string>(); // "user|document|kind" where a readable document's canary showed

  /** One user asks one question, and every surface is probed: the probes at once, as a browser's tabs would. */
  const askAndProbe = async (user: (typeof users)[number], d: MatrixDocument, question: string) => {
    const forbidden = DOCUMENTS.filter((f) => !mayRead(user, f));
    const asked = await ask(user.account.request, question);
    expect(asked.status, asked.raw).toBe(200);
    if (user.isAdmin && !targets.has(d.key)) {
      const cited = asked.sources.find((s) => s.documentId === uploaded.get(d.key)!.documentId);
      if (cited) targets.set(d.key, cited);
    }
    const target = targets.get(d.key);
    expect(target, `the administrator's first question about ${d.key} cites it`).toBeDefined();
    await Promise.all(PROBES.map(async (probe) => {
      const observations: Observation[] = await probe.observe({ request: user.account.request, asked, target: target!, question });
      probes++;
      const cell = `${user.account.name} / ${d.key} / "${question}" / ${probe.kind}`;
      const findings: string[] = [];
      for (const o of observations) {
        const body = o.body;
        for (const f of forbidden) {
          const ids = probe.idsInRequest ? [] : [uploaded.get(f.key)!.documentId, uploaded.get(f.key)!.versionId, targets.get(f.key)?.chunkId];
          for (const needle of [f.canary, ...ids]) if (needle && body.includes(needle)) findings.push(`${cell}: ${needle === f.canary ? "canary" : "id"} of ${f.key}`);
        }
        if (!mayRead(user, d) && probe.deniedStatus && o.status !== probe.deniedStatus) findings.push(`${cell}: answered ${o.status}, not ${probe.deniedStatus}`);
        if (mayRead(user, d) && body.includes(d.canary)) found.add(`${user.account.name}|${d.key}|${probe.kind}`);
      }
      leaks.push(...findings);
      if (findings.length > 0) leakingProbes++;
    }));
  };

  // Question by question: the administrator first, whose answer gives each document's cited chunk
  // (the target of the viewer probes), then the others side by side. Each user's questions are
  // spread over the whole run, so none waits out the per-minute limit.
  const [administrator, ...others] = users;
  for (const d of DOCUMENTS) {
    for (const question of d.phrasings(d.canary)) {
      await askAndProbe(administrator!, d, question);
      await Promise.all(others.map((user) => askAndProbe(user, d, question)));
    }
  }

  console.log(`leak matrix: ${probes} probes, ${leakingProbes} leaks (${leaks.length} findings)`);
  expect(leaks).toEqual([]);
  expect(probes).toBeGreaterThanOrEqual(1000);

  // The controls: wherever a user may read a document, its canary reaches them in the answer and the viewer.
  for (const user of users) {
    for (const d of DOCUMENTS.filter((doc) => mayRead(user, doc))) {
      for (const kind of ["chat answer", "history page", "exported conversation", "viewer: cited chunk"]) {
        expect(found.has(`${user.account.name}|${d.key}|${kind}`), `${user.account.name} finds the canary of ${d.key} in the ${kind}`).toBe(true);
      }
    }
  }
  expect(targets.size).toBe(DOCUMENTS.length);
});
