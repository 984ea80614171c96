/**
 * Runs before each unit test file (vitest.config.ts). The files share one process and its modules
 * (isolation is off, so the database connection and the imported code are set up once), so each
 * file starts from the environment the run started with, and the configuration is read again:
 * some files set variables (a fake provider's address, a secret) before their first read. The
 * temporary folders a file wrote (testing/temp-files.ts) are removed when it ends.
 */
import { afterAll } from "vitest";
import { forgetEnv } from "@/lib/env";
import { removeTempFiles } from "./temp-files";

const started = ((globalThis as { startedEnv?: NodeJS.ProcessEnv }).startedEnv ??= { ...process.env });
for (const name of Object.keys(process.env)) if (!(name in started)) delete process.env[name];
Object.assign(process.env, started);
forgetEnv();

afterAll(removeTempFiles);
