import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Env } from "./env.server";

const FILE_NAME = "development-secret";

/**
 * Without COOKIE_SECRET (development only: production requires it), the secret that signs cookies
 * and the links in mail is made once and kept in the data folder, so an unsubscribe or "did you get
 * a reply?" link from yesterday's outbox still opens after `npm start`. It is handed to this
 * process's signingSecret() through the environment (server modules load twice in one process).
 */
export function loadDevelopmentSecret(env: Env): "configured" | "kept" | "made" {
  if (env.COOKIE_SECRET || env.NODE_ENV === "production") return "configured";
  const file = path.join(env.DATA_DIR, FILE_NAME);
  let secret: string | undefined;
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch {
    /* not made yet */
  }
  if (secret && /^[0-9a-f]{64}$/.test(secret)) {
    process.env.CHORUS_DEVELOPMENT_SECRET = secret;
    return "kept";
  }
  secret = randomBytes(32).toString("hex");
  mkdirSync(env.DATA_DIR, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  process.env.CHORUS_DEVELOPMENT_SECRET = secret;
  return "made";
}
