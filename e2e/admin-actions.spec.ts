/**
 * Every admin server action, called directly by an employee (an action is a public endpoint),
 * is refused cleanly: a 403 or 404, or the action's own refusal message, never a server error.
 * The actions come from the build's manifest, so ones added later are covered too.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { registerUser } from "./support/api";

const RANDOM_ID = "00000000-0000-4000-8000-000000000000";
const REFUSAL = "Only administrators can do this.";

test("an employee calling any admin server action gets a clean refusal, never a 500", async ({ browser }) => {
  const employee = await registerUser(browser, "Emma Employee");
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  // Defined under app/admin (the admin pages also use the sign-out action, which is everyone's).
  const actions = Object.entries(manifest.node).filter(([, a]) => a.filename?.startsWith("app/admin/"));
  expect(actions.map(([, a]) => a.exportedName)).toContain("loadSamplesAction");
  const failures: string[] = [];
  let calls = 0;
  for (const [id, action] of actions) {
    const worker = Object.keys(action.workers).find((w) => w.startsWith("app/admin"))!;
    const pagePath = `/${worker.replace(/\/page$/, "").split("/").slice(1).join("/")}`.replace(/\[\w+\]/g, RANDOM_ID);
    // As browsers send them: arguments encoded by React (bound ids, form state), and a form posted without JavaScript.
    const bodies: ({ headers: Record<string, string> } & ({ data: string } | { multipart: Record<string, string> }))[] = [
      { headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify([RANDOM_ID, false]) },
      { headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" }, data: "[]" },
      // A form's fields as React sends them to an action that takes FormData: "0" refers to part 1.
      { headers: { "Next-Action": id }, multipart: { "0": '["$K1"]', "1_name": "x" } },
      { headers: {}, multipart: { [`$ACTION_ID_${id}`]: "" } },
    ];
    for (const body of bodies) {
      calls++;
      const response = await employee.request.post(pagePath, {
        headers: { ...body.headers, Accept: "text/x-component" },
        ...("data" in body ? { data: body.data } : { multipart: body.multipart }),
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      const text = await response.text();
      const clean = [403, 404].includes(response.status()) || (response.status() < 400 && text.includes(REFUSAL));
      if (!clean) failures.push(`${action.exportedName} at ${pagePath} (${"data" in body ? body.data : "form"}): ${response.status()} ${text.slice(0, 120)}`);
    }
  }
  console.log(`admin actions as an employee: ${actions.length} actions, ${calls} calls, ${failures.length} not refused cleanly`);
  expect(failures).toEqual([]);
  await employee.context.close();
});
