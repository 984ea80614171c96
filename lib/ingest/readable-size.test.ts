import { describe, expect, it } from "vitest";
import { readableSize } from "./readable-size";

describe("readableSize", () => {
  it("says bytes, kilobytes or megabytes, in thousands, with one decimal", () => {
    expect(readableSize(512)).toBe("512 B");
    expect(readableSize(1234)).toBe("1.2 kB");
    expect(readableSize(218_000)).toBe("218.0 kB");
    expect(readableSize(5_600_000)).toBe("5.6 MB");
  });
});
