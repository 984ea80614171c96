import { describe, expect, it } from "vitest";
import type { Database } from "./client";

describe("cached reads", () => {
  it("a change made through another bundled copy of the module is seen at once", async () => {
    // Next bundles a module once per entry: an admin page's server action and the chat route each
    // get their own copy, and a rollback made through one must not be read stale by the other.
    // A query suffix makes Vite load a second instance of the module, as a second bundle would.
    const routeCopy = await import("./cached-reads");
    const secondBundle = "./cached-reads?second-bundle";
    const actionCopy = (await import(/* @vite-ignore */ secondBundle)) as typeof routeCopy;
    expect(actionCopy).not.toBe(routeCopy);

    let active = "bad-bot";
    const read = routeCopy.cachedRead(async () => active);
    const database = {} as Database;
    expect(await read.get(database)).toBe("bad-bot");

    active = "builtin-extractive";
    expect(await read.get(database)).toBe("bad-bot"); // within the TTL, as designed
    actionCopy.forgetCachedReads();
    expect(await read.get(database)).toBe("builtin-extractive");
  });
});
