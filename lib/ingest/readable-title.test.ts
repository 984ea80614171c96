import { describe, expect, it } from "vitest";
import { titleFromFilename } from "./readable-title";

describe("titleFromFilename", () => {
  it("turns a file name into a title a person would write", () => {
    expect(titleFromFilename("benefits_guide_2027.pdf")).toBe("Benefits Guide 2027");
    expect(titleFromFilename("remote-work-policy.docx")).toBe("Remote Work Policy");
    expect(titleFromFilename("guide_to_the__office.md")).toBe("Guide to the Office");
    expect(titleFromFilename("the-end.txt")).toBe("The End");
  });

  it("keeps words written with capitals, and hyphens between digits", () => {
    expect(titleFromFilename("HR_handbook_iPhone_policy.pdf")).toBe("HR Handbook iPhone Policy");
    expect(titleFromFilename("minutes_2027-01-15.pdf")).toBe("Minutes 2027-01-15");
    expect(titleFromFilename("SPARSE-2024-INV-1234_borderless_table.pdf")).toBe("SPARSE 2024 INV 1234 Borderless Table");
  });

  it("drops only the last extension and never returns nothing", () => {
    expect(titleFromFilename("release_notes.v2.md")).toBe("Release Notes.v2");
    expect(titleFromFilename("notes")).toBe("Notes");
    expect(titleFromFilename("___.pdf")).toBe("___.pdf");
  });

  it("keeps the folders of a bulk import, each made readable", () => {
    expect(titleFromFilename("leave/parental_leave.md")).toBe("Leave / Parental Leave");
  });
});
