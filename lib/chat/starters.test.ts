import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addUserToGroups, ensureGroups } from "@/db/queries/groups";
import { db } from "../db";
import { acceptUpload } from "../ingest/upload";
import { createTestUser, drainQueue } from "@/testing/fixtures";
import { starterQuestion, starterQuestions } from "./starters";

describe("starter questions", () => {
  it("come from sections of documents the user can read, and are the same every time", async () => {
    const admin = await createTestUser("admin");
    const tag = randomUUID().slice(0, 6);
    const group = `board-${tag}`;
    await acceptUpload({
      filename: `aaa-open-${tag}.md`,
      bytes: Buffer.from(`# Aaa Open ${tag}\n\n## Lunch Hours ${tag}\n\nLunch is served from noon until two in the canteen.\n`),
      uploadedBy: admin.id,
    });
    await acceptUpload({
      filename: `aaa-secret-${tag}.md`,
      bytes: Buffer.from(`# Aaa Secret ${tag}\n\n## Merger Plans ${tag}\n\nThe board plans to merge with a competitor next year.\n`),
      uploadedBy: admin.id,
      groups: [group],
    });
    await drainQueue();

    const outsider = await createTestUser("employee");
    const insider = await createTestUser("employee");
    await addUserToGroups(db(), insider.id, await ensureGroups(db(), [group]));

    const open = `What does the Aaa Open ${tag} document say about lunch hours ${tag}?`;
    const secret = `What does the Aaa Secret ${tag} document say about merger plans ${tag}?`;
    const forOutsider = await starterQuestions(outsider);
    const forInsider = await starterQuestions(insider);
    expect(forOutsider).toContain(open);
    expect(forOutsider.join("\n")).not.toContain("Merger");
    expect(forInsider).toContain(secret);
    expect(await starterQuestions(insider)).toEqual(forInsider);
  });

  it("are phrased as a person asks: numbering dropped, framing sections passed over, a moment asked about in the first person, a question heading kept", () => {
    expect(starterQuestion({ title: "Expenses Policy", section: "4. Submitting a Claim" })).toBe("What does the Expenses Policy say about submitting a claim?");
    expect(starterQuestion({ title: "IT Security Policy", section: "2.1 Accounts and Passwords" })).toBe("What does the IT Security Policy say about accounts and passwords?");
    expect(starterQuestion({ title: "Travel", section: "Booking with GSA" })).toBe("What does the Travel document say about booking with GSA?");
    // A moment rather than a subject, asked in the asker's own voice.
    expect(starterQuestion({ title: "Business Travel Policy", section: "1. Before You Travel" })).toBe("What does the Business Travel Policy say to do before I travel?");
    expect(starterQuestion({ title: "Business Travel Policy", section: "3. While Travelling" })).toBe("What does the Business Travel Policy say to do while travelling?");
    expect(starterQuestion({ title: "Leave Policy", section: "If You Are Ill on Your Holiday" })).toBe("What does the Leave Policy say to do if I am ill on my holiday?");
    // A subject that starts with such a word stays a subject.
    expect(starterQuestion({ title: "Expenses Policy", section: "When to Claim" })).toBe("What does the Expenses Policy say about when to claim?");
    expect(starterQuestion({ title: "Payroll Guide", section: "Once-Off Payments" })).toBe("What does the Payroll Guide say about once-off payments?");
    expect(starterQuestion({ title: "Payroll Guide", section: "What I Can Claim for Part-Time Work" })).toBe("What does the Payroll Guide say about what I can claim for part-time work?");
    // A heading in capitals throughout is not shouted back; the title's own acronyms keep theirs.
    expect(starterQuestion({ title: "Expenses Policy", section: "4. SUBMITTING A CLAIM" })).toBe("What does the Expenses Policy say about submitting a claim?");
    expect(starterQuestion({ title: "IT Security Policy", section: "REPORTING IT INCIDENTS" })).toBe("What does the IT Security Policy say about reporting IT incidents?");
    expect(starterQuestion({ title: "Leave Policy", section: "IF YOU'RE ILL ON YOUR HOLIDAY" })).toBe("What does the Leave Policy say to do if I'm ill on my holiday?");
    expect(starterQuestion({ title: "Travel Policy", section: "Booking via GSA" })).toBe("What does the Travel Policy say about booking via GSA?");
    expect(starterQuestion({ title: "Expenses Policy", section: "1. Principles" })).toBeNull();
    expect(starterQuestion({ title: "Leave Policy", section: "Purpose" })).toBeNull();
    expect(starterQuestion({ title: "Leave Policy", section: "How do I request leave?" })).toBe("How do I request leave?");
  });
});
