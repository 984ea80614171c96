import { z } from "zod";
import { isAddressOrRange } from "./security/address-ranges";

/**
 * The only reader of process.env. Defaults work on a laptop with nothing configured; every
 * variable is documented in .env.example.
 */
const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);
const str = () => z.preprocess(emptyAsUndefined, z.string().optional());
const int = (def: number) => z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(def));
const count = (def: number) => z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(def));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** The server's log level (pino's levels; `silent` logs nothing). */
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  /**
   * Streaming replicas of DATABASE_URL (comma-separated URLs): retrieval reads from them while they
   * are no further behind than READ_REPLICA_MAX_LAG_MS, measured at most every READ_REPLICA_CHECK_MS.
   */
  DATABASE_READ_URLS: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").map((u) => u.trim()).filter(Boolean) : v),
    z.array(z.url()).default([]),
  ),
  READ_REPLICA_MAX_LAG_MS: int(5000),
  READ_REPLICA_CHECK_MS: int(2000),
  PGLITE_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/pglite")),
  PORT: int(3000),
  /** On SIGTERM, how long open requests (answer streams) may run before the processes are killed. */
  SHUTDOWN_DRAIN_SECONDS: int(8),
  /** Tests only: a PostgreSQL server to run the integration tests against, besides PGlite. */
  TEST_DATABASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  AUTH_SECRET: str(),
  /**
   * The address people open Groundwork at (read by Auth.js too). Required with OIDC_ISSUER: the
   * provider redirects back there, and behind a proxy the server cannot know it by itself.
   */
  AUTH_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  CHAT_MODEL_PROVIDER: z.preprocess(emptyAsUndefined, z.enum(["builtin", "openai", "openai-compatible"]).default("builtin")),
  CHAT_MODEL: str(),
  OPENAI_API_KEY: str(),
  OPENAI_BASE_URL: str(),
  OPENAI_COMPATIBLE_BASE_URL: str(),
  OPENAI_COMPATIBLE_API_KEY: str(),
  EMBEDDING_PROVIDER: z.preprocess(emptyAsUndefined, z.enum(["builtin", "openai", "openai-compatible"]).default("builtin")),
  EMBEDDING_MODEL: str(),
  EMBEDDING_DIMENSIONS: z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().optional()),
  INGEST_WORKER: z.preprocess(emptyAsUndefined, z.enum(["inline", "off"]).default("inline")),
  UPLOAD_MAX_BYTES: int(25 * 1024 * 1024),
  /** Parsing runs in a worker thread that is stopped past this wall-clock time or heap size. */
  PARSE_TIMEOUT_MS: int(60_000),
  PARSE_MAX_MEMORY_MB: int(1024),
  /**
   * Heartbeat of a background job (pg-boss's minimum is 10): a job whose worker stops beating for
   * this long is presumed dead and retried by another.
   */
  INGEST_LEASE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(10).default(60)),
  /** /api/ready answers 503 when no worker has reported (every 10 s while running) for this long. */
  READY_WORKER_MAX_AGE_SECONDS: int(60),
  QUESTION_MAX_CHARS: int(2000),
  /** The answer-evaluation sets admins can run from /admin/answer-quality: one set per subfolder. */
  ANSWER_SETS_DIR: z.preprocess(emptyAsUndefined, z.string().default("evals")),
  /**
   * Failed sign-ins slow the next attempt down, never lock it: after the free failures of an account
   * or an address, each failure doubles the wait (from SIGNIN_DELAY_BASE_MS up to SIGNIN_DELAY_MAX_MS).
   */
  SIGNIN_FREE_FAILURES_PER_ACCOUNT: count(3),
  SIGNIN_FREE_FAILURES_PER_ADDRESS: count(20),
  SIGNIN_DELAY_BASE_MS: int(1000),
  SIGNIN_DELAY_MAX_MS: int(30_000),
  /**
   * Proxies (comma-separated IPs or CIDRs) whose X-Forwarded-For is believed. Empty: nobody's, and
   * the per-address limits key on the connection's own address (lib/security/client-address.ts).
   */
  TRUSTED_PROXIES: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").map((p) => p.trim()).filter(Boolean) : v),
    z.array(z.string().refine(isAddressOrRange, "use IP addresses or CIDR ranges, e.g. 10.0.0.0/8,::1")).default([]),
  ),
  /** Abuse limits (per minute unless named otherwise); a request past one is answered 429 with a wait. */
  CHAT_MAX_PER_MINUTE: int(20),
  CHAT_MAX_CONCURRENT_STREAMS: int(2),
  /** A streaming slot left behind by a crashed process stops counting after this long. */
  CHAT_STREAM_SLOT_SECONDS: int(300),
  INVITE_TTL_HOURS: int(72),
  /** Accounts created through /register from one address per minute (invitation acceptances count too). */
  REGISTER_MAX_PER_ADDRESS: int(10),
  /** Who may create an account until an admin chooses on /admin/users (docs/security.md). */
  SIGNUP_POLICY: z.preprocess(emptyAsUndefined, z.enum(["invite", "open", "domains", "sso-only"]).default("invite")),
  /** Comma-separated e-mail domains that may register under the `domains` policy. */
  SIGNUP_DOMAINS: z.preprocess(emptyAsUndefined, z.string().default("")),
  /** The first administrator's setup token, preset (automated deploys); else one is generated and printed at start. */
  SETUP_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, "use at least 16 characters").max(200).optional()),
  /** Optional single sign-on through an OpenID Connect provider (Okta, Entra ID, Google Workspace...). */
  OIDC_ISSUER: z.preprocess(emptyAsUndefined, z.url().optional()),
  OIDC_CLIENT_ID: str(),
  OIDC_CLIENT_SECRET: str(),
  OIDC_NAME: z.preprocess(emptyAsUndefined, z.string().default("single sign-on")),
  OIDC_SCOPES: z.preprocess(emptyAsUndefined, z.string().default("openid email profile")),
  /** Entra ID sends no email_verified claim; its tenant vouches for its addresses, so set false there. */
  OIDC_REQUIRE_EMAIL_VERIFIED: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("true")),
  /** The ID token claim listing the user's groups; when set, memberships follow it at each sign-in. */
  OIDC_GROUPS_CLAIM: str(),
  /** Members of this provider group become administrators (and stop being ones when removed). */
  OIDC_ADMIN_GROUP: str(),
  RETRIEVAL_TOP_K: int(6),
  RERANK_PROVIDER: z.preprocess(emptyAsUndefined, z.enum(["off", "http"]).default("off")),
  RERANK_BASE_URL: str(),
  RERANK_MODEL: str(),
  RERANK_API_KEY: str(),
  RERANK_CANDIDATES: int(30),
  RERANK_TIMEOUT_MS: int(5000),
  /** The judge model of the behaviour evaluation, for checks rules cannot make (tone). */
  JUDGE_MODEL_PROVIDER: z.preprocess(emptyAsUndefined, z.enum(["openai", "openai-compatible"]).optional()),
  JUDGE_MODEL: str(),
  JUDGE_MODEL_BASE_URL: str(),
  /** Fine-tuning: the base model, epochs and price per 1M training tokens (USD) used for estimates, and how often the worker polls a running job. */
  FINE_TUNE_BASE_MODEL: z.preprocess(emptyAsUndefined, z.string().default("gpt-4.1-mini-2025-04-14")),
  FINE_TUNE_EPOCHS: int(3),
  FINE_TUNE_PRICE_PER_MILLION: z.preprocess(emptyAsUndefined, z.coerce.number().positive().default(5)),
  FINE_TUNE_POLL_SECONDS: count(30),
  /** Unset: the built-in model streams at a readable pace, any answer within about a second; else this pause after each word (0: none). */
  BUILTIN_MODEL_DELAY_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).optional()),
  /** A session unused this long ends (the cookie is renewed on each request). */
  SESSION_IDLE_HOURS: int(8),
  /** A session ends this long after sign-in, however busy. */
  SESSION_MAX_DAYS: int(7),
}).refine((e) => !e.OIDC_ISSUER || e.AUTH_URL, {
  path: ["AUTH_URL"],
  message: "set it with OIDC_ISSUER, to the address people open Groundwork at (e.g. https://groundwork.example.com)",
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Reads the configuration again at the next `env()`: the unit tests, sharing one process, do so before each file. */
export function forgetEnv(): void {
  cached = undefined;
}

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid configuration: ${problems}. See .env.example.`);
    }
    cached = parsed.data;
  }
  return cached;
}
