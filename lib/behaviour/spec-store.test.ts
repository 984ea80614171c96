import { describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import { listSpecVersions, specByVersion } from "@/db/queries/behaviour-specs";
import { db } from "../db";
import { createTestUser } from "@/testing/fixtures";
import { DEFAULT_BEHAVIOUR_SPEC } from "./spec";
import { currentSpec, saveSpec } from "./spec-store";

describe("behaviour spec versions", () => {
  it("starts from the default as version 1, and each save is a new audited version", async () => {
    const first = await currentSpec();
    expect((await specByVersion(db(), 1))!.content).toEqual(JSON.parse(JSON.stringify(DEFAULT_BEHAVIOUR_SPEC)));
    const admin = await createTestUser("admin");
    const edited = { ...DEFAULT_BEHAVIOUR_SPEC, refuse: [{ ...DEFAULT_BEHAVIOUR_SPEC.refuse[0]!, referral: "Please contact HR on extension 4242." }] };
    const saved = await saveSpec(admin, edited, "HR moved to an extension");
    expect(saved.version).toBe(first.version + 1);
    expect((await currentSpec()).spec.refuse[0]!.referral).toBe("Please contact HR on extension 4242.");
    const history = await listSpecVersions(db());
    expect(history[0]).toMatchObject({ version: saved.version, note: "HR moved to an extension", createdBy: admin.id });
    expect((await specByVersion(db(), first.version))!.content).toEqual(JSON.parse(JSON.stringify(first.spec))); // old versions never change
    const [entry] = await listAudit(db(), { action: "behaviour_spec.save", targetId: String(saved.version) });
    expect(entry).toMatchObject({ actorId: admin.id, details: { note: "HR moved to an extension" } });
    await saveSpec(admin, DEFAULT_BEHAVIOUR_SPEC, "back to the default");
  });

  it("rejects an invalid spec with the field and what to fix, and saves nothing", async () => {
    const admin = await createTestUser("admin");
    const before = (await currentSpec()).version;
    const invalid = { ...DEFAULT_BEHAVIOUR_SPEC, format: { ...DEFAULT_BEHAVIOUR_SPEC.format, maxWords: 5 }, refuse: [{ ...DEFAULT_BEHAVIOUR_SPEC.refuse[0]!, id: "Human Resources" }] };
    await expect(saveSpec(admin, invalid, "broken")).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/format\.maxWords: Use at least 20 words.*refuse\.0\.id: Use lowercase letters/s),
    });
    const twice = { ...DEFAULT_BEHAVIOUR_SPEC, escalate: [{ ...DEFAULT_BEHAVIOUR_SPEC.escalate[0]!, id: "hr" }] };
    await expect(saveSpec(admin, twice, "clash")).rejects.toThrow(/escalate\.0\.id: Another topic already uses this id/);
    expect((await currentSpec()).version).toBe(before);
  });

  it("gives concurrent saves distinct consecutive versions", async () => {
    const admin = await createTestUser("admin");
    const before = (await currentSpec()).version;
    const saved = await Promise.all(Array.from({ length: 4 }, (_, i) => saveSpec(admin, DEFAULT_BEHAVIOUR_SPEC, `concurrent ${i}`)));
    expect(saved.map((s) => s.version).sort((a, b) => a - b)).toEqual([before + 1, before + 2, before + 3, before + 4]);
  });
});
