import { describe, expect, it } from "vitest";
import { askerOf } from "../auth/user";
import { retrieve } from "../retrieval/retrieve";
import { ingestUploads, openScratchDatabase } from "./scratch-database";

const upload = (filename: string, text: string) => ({ filename, bytes: Buffer.from(text), groups: [] });

describe("scratch databases one after another (a tool evaluating several sets in one run)", () => {
  it("retrieval reads the database that is open now, not one closed before it", async () => {
    const first = await openScratchDatabase({ fresh: true });
    await ingestUploads(first, [upload("walrus.md", "# Walrus rules\n\nWalrus feeding happens at noon on the north pier.")]);
    const inFirst = await retrieve(askerOf(await first.employee([])), "walrus feeding");
    expect(inFirst.sources.map((s) => s.title)).toContain("Walrus rules");
    await first.close();

    // The test run's own database next (an empty embedded one where no DATABASE_URL is configured).
    const second = await openScratchDatabase();
    try {
      await ingestUploads(second, [upload("otter.md", "# Otter rules\n\nOtter feeding happens at dusk on the south pier.")]);
      const inSecond = await retrieve(askerOf(await second.employee([])), "otter feeding on the pier");
      expect(inSecond.sources.map((s) => s.title)).toContain("Otter rules");
      expect(inSecond.sources.map((s) => s.title)).not.toContain("Walrus rules");
    } finally {
      await second.close();
    }
  });
});
