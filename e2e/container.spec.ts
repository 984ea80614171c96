import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { parse } from "yaml";
import { stopProcess } from "../testing/processes";
import { ChatPage } from "./pages/chat";
import { DocumentsPage } from "./pages/documents";

/*
 * The container, proven without Docker (no container engine runs on the CI machines): the app and
 * worker services of compose.yaml, with their commands and environment as compose would give them,
 * run from the production build laid out as the Dockerfile lays it out (dist/, .next/standalone,
 * drizzle/, node_modules from the project root), against the CI PostgreSQL. Three things differ
 * from a compose deployment, and only these: DATABASE_URL names a fresh database on the CI server
 * instead of the `db` service, PORT is a free port of this machine instead of the container's
 * 3000, and the .env file is the object below.
 */

const serverUrl = process.env.TEST_DATABASE_URL;
const PORT = Number(process.env.E2E_PORT ?? 3100) + 17;
const origin = `http://127.0.0.1:${PORT}`;
const dotEnv: Record<string, string> = {
  POSTGRES_PASSWORD: "not-used-here",
  AUTH_SECRET: "container-secret-not-for-production",
  AUTH_URL: origin,
  SETUP_TOKEN: "container-setup-token-not-for-production",
};
const ADMIN = { name: "Cora Container", email: "cora@example.com", password: "container admin password" };

test.use({ baseURL: origin });
test.describe.configure({ mode: "serial" });

interface Service { command: string[]; environment: Record<string, string | number> }
const compose = parse(fs.readFileSync("compose.yaml", "utf8")) as { services: Record<string, Service> };

/** Compose's interpolation of the forms compose.yaml uses: ${NAME}, ${NAME:-default}, ${NAME:?error}. */
function interpolate(value: string): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, arg?: string) => {
    const set = dotEnv[name];
    if (set) return set;
    if (kind === "?") throw new Error(`compose.yaml needs ${name}: ${arg}`);
    return kind === "-" ? (arg ?? "") : "";
  });
}

/** What compose starts a service's container with: the .env file (env_file), then `environment`. */
function serviceEnv(name: string, databaseUrl: string): NodeJS.ProcessEnv {
  const environment = Object.fromEntries(Object.entries(compose.services[name]!.environment).map(([k, v]) => [k, interpolate(String(v))]));
  // The image's own ENV (Dockerfile) and PATH; nothing else of this machine's environment.
  return { PATH: process.env.PATH, NODE_ENV: "production", ...dotEnv, ...environment, DATABASE_URL: databaseUrl, PORT: String(PORT) };
}

function run(name: string, databaseUrl: string): ChildProcess {
  const [program, ...args] = compose.services[name]!.command;
  expect(program).toBe("node");
  const log = fs.openSync(test.info().outputPath(`${name}.log`), "w");
  const child = spawn(process.execPath, args, { env: serviceEnv(name, databaseUrl), stdio: ["ignore", log, log] });
  fs.closeSync(log);
  return child;
}

async function status(path: string) {
  return (await fetch(`${origin}${path}`).catch(() => null))?.status ?? 0;
}

const database = `groundwork_container_${process.pid}`;
const children: ChildProcess[] = [];

test.beforeAll(async () => {
  test.skip(!serverUrl && !process.env.CI, "needs TEST_DATABASE_URL (a PostgreSQL server with pgvector)");
  if (!serverUrl) throw new Error("CI must give TEST_DATABASE_URL: the container is proven against PostgreSQL");
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database}`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
});

test.afterAll(async () => {
  await Promise.all(children.map(stopProcess));
  if (!serverUrl) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

test("compose's app and worker, from the production build, serve PostgreSQL: healthy, ready, and an answer with its citation", async ({ page }) => {
  test.setTimeout(240_000);
  const url = new URL(serverUrl!);
  url.pathname = `/${database}`;

  // The app migrates and serves; its health check (compose's) answers once it does.
  children.push(run("app", url.href));
  await expect.poll(() => status("/api/health"), { timeout: 120_000, intervals: [500] }).toBe(200);
  // Ready needs the worker's heartbeat, and compose starts the worker once the app is healthy.
  expect(await status("/api/ready")).toBe(503);
  children.push(run("worker", url.href));
  await expect.poll(() => status("/api/ready"), { timeout: 60_000, intervals: [500] }).toBe(200);

  await page.goto(`/setup/${dotEnv.SETUP_TOKEN}`);
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page).toHaveURL(/\/admin\/get-started$/, { timeout: 30_000 });

  const documents = new DocumentsPage(page);
  await documents.open();
  await page.getByRole("button", { name: "Load sample policies" }).click();
  // Parsed and indexed by the worker service: the app runs none (INGEST_WORKER=off).
  for (const file of ["travel-policy.md", "leave-policy.md", "expenses-policy.pdf", "it-security-policy.docx"]) await documents.waitUntilReady(file);

  await page.goto("/");
  const chat = new ChatPage(page);
  await chat.ask("How much can I claim for client meals?");
  await expect(chat.lastAnswer()).toContainText("85 per person");
  await chat.citation(1).click();
  await expect(page.getByTestId("cited-passage").filter({ hasText: "Client meals 85 per person" })).toBeInViewport();

  // The app's log, JSON lines as a log pipeline reads them: one per request, the answer's included.
  const logged = fs.readFileSync(test.info().outputPath("app.log"), "utf8").split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
  const requests = logged.filter((l) => l.msg === "request");
  expect(requests).toContainEqual(expect.objectContaining({ method: "GET", path: "/api/health", status: 200 }));
  expect(requests).toContainEqual(expect.objectContaining({ method: "POST", path: "/api/chat", status: 200, requestId: expect.any(String) }));
});
