import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { z } from "zod";

/**
 * Every setting Chorus reads from the environment, parsed once. A bad value stops start-up with
 * one line naming the variable and what to do, instead of a stack trace later.
 */
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    APP_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://chorus.example.org" }).optional(),
    DATABASE_URL: z
      .string()
      .refine(isPostgresUrl, { message: "must be a postgres:// or postgresql:// URL, e.g. postgres://user:pass@localhost:5432/chorus" })
      .optional(),
    DATA_DIR: z.string().min(1).default(".data"),
    COOKIE_SECRET: z.string().min(32, { message: "must be at least 32 characters (try: openssl rand -hex 32)" }).optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url({ message: "must be a URL" }).optional(),
    // The signing secret of the Resend webhook (whsec_…): bounces and complaints reach /webhooks/resend.
    RESEND_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/, { message: "must be the webhook's signing secret, starting whsec_" }).optional(),
    // Resend's default API limit is 5 requests a second per team; raise it when Resend raises yours.
    RESEND_REQUESTS_PER_SECOND: z.coerce.number().int().min(2).max(1000).default(5),
    EMAIL_FROM: z.string().min(3).default("Chorus <chorus@localhost>"),
    RUN_WORKER: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
    // Web processes behind the one port; unset means 1 in development and one per core in production.
    WEB_CONCURRENCY: z.coerce.number().int().min(1, { message: "must be 1 or more" }).max(64, { message: "must be 64 or fewer" }).optional(),
    // Connections each process may hold open to PostgreSQL: (web processes + 1) × this must stay under the server's limit.
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2, { message: "must be 2 or more" }).max(100, { message: "must be 100 or fewer" }).default(10),
    // Unset means: demo data in development and tests, never in production (the demo accounts'
    // password is published in the README).
    SEED_DEMO_DATA: z.enum(["true", "false"]).optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    // Who runs this Chorus site: named as the data controller in the privacy notice and the terms.
    COALITION_NAME: z.string().min(2).default("The Chorus demo coalition"),
    CONTACT_EMAIL: z.email({ message: "must be an email address" }).default("coalition@chorus.example"),
    // How long after a petition closes its signers' names, emails and networks are kept (counts and areas stay).
    PETITION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(183),
    // Letters to "each writer's own MP" find the MP by postcode through UK Parliament's public APIs;
    // unset, the directory's MPs matched by postcode area answer as before.
    REPRESENTATIVE_LOOKUP: z.enum(["off", "uk-parliament"], { message: "must be uk-parliament or off" }).default("off"),
    POSTCODES_API_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://api.postcodes.io" }).default("https://api.postcodes.io"),
    MEMBERS_API_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://members-api.parliament.uk" }).default("https://members-api.parliament.uk"),
    // The whole lookup (postcode, constituency, contact) must answer within this, or letters fall back to the directory.
    REPRESENTATIVE_LOOKUP_TIMEOUT_MS: z.coerce.number().int().min(100, { message: "must be 100 or more" }).max(30_000, { message: "must be 30000 or fewer" }).default(3000),
  })
  .transform((env) => ({
    ...env,
    SEED_DEMO_DATA: env.SEED_DEMO_DATA ? env.SEED_DEMO_DATA === "true" : env.NODE_ENV !== "production",
    WEB_CONCURRENCY: env.WEB_CONCURRENCY ?? (env.NODE_ENV === "production" ? availableParallelism() : 1),
  }))
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.COOKIE_SECRET) {
      ctx.addIssue({ code: "custom", path: ["COOKIE_SECRET"], message: "is required in production (try: openssl rand -hex 32)" });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  name = "ConfigError";
}

function isPostgresUrl(value: string) {
  try {
    const url = new URL(value);
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && (url.hostname !== "" || url.searchParams.has("host"));
  } catch {
    return false;
  }
}

/** Parses an environment; throws ConfigError whose message is one line per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset": that is how most people clear a variable in a shell or .env file.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      return `${name} ${issue.message.replace(/^Invalid input: /, "")}`;
    });
    throw new ConfigError(`Configuration error: ${lines.join("; ")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Reads the environment again, for a test or script that changed process.env after start-up. */
export function reloadEnv(): Env {
  cached = undefined;
  return getEnv();
}

/** The representative lookup's settings, or null when it is off. */
export function getRepresentativeLookupSettings(env: Env = getEnv()) {
  if (env.REPRESENTATIVE_LOOKUP === "off") return null;
  return { provider: env.REPRESENTATIVE_LOOKUP, postcodesUrl: env.POSTCODES_API_URL, membersUrl: env.MEMBERS_API_URL, timeoutMs: env.REPRESENTATIVE_LOOKUP_TIMEOUT_MS };
}

/** The public origin used in links inside emails and for the CSRF origin check. */
export function getAppUrl(env: Env = getEnv()): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

/**
 * COOKIE_SECRET, or outside production (where it may be unset) the development secret kept in the
 * data folder (see development-secret.server.ts), or for a process that never started the app (a
 * test, a script) one random secret. Kept in the process's environment because server modules are
 * loaded twice in one process (by the server itself and inside the Remix build): a cookie or link
 * signed by one copy must verify in the other.
 */
export function signingSecret(): string {
  return getEnv().COOKIE_SECRET ?? (process.env.CHORUS_DEVELOPMENT_SECRET ??= randomBytes(32).toString("hex"));
}
