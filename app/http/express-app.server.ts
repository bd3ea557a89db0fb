import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { checkCsrf } from "./csrf.server";
import { db } from "../utils/db.server";
import { getAppUrl, getEnv } from "../utils/env.server";
import { logger } from "../utils/logger.server";
import { petitionCountHandler } from "./petition-count.server";
import { petitionSignHandler } from "./petition-sign.server";
import { checkAddress, readGuardedRequest, refusalPage } from "./request-guard.server";
import { resendWebhookHandler } from "./resend-webhook.server";
import { securityHeaders } from "./security-headers.server";

/**
 * The HTTP layer around Remix: request logging, security headers with a per-request CSP nonce,
 * static files, and the CSRF check that every non-GET request passes before any action runs.
 */
export function createExpressApp(build: ServerBuild, options: { publicDir: string; /** the clock of the per-process caches (tests move it on) */ now?: () => number }) {
  const env = getEnv();
  const production = env.NODE_ENV === "production";
  const trustedOrigins = [new URL(getAppUrl(env)).origin];
  const app = express();
  const countHandler = petitionCountHandler(db, options.now);
  const webhookHandler = resendWebhookHandler(db);
  const signHandler = petitionSignHandler(db, options.now);
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY === "true") app.set("trust proxy", true);

  app.use((req, res, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    res.setHeader("X-Request-Id", requestId);
    res.on("finish", () => {
      logger.info("request", {
        requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      });
    });
    next();
  });

  app.use((req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    for (const [name, value] of Object.entries(securityHeaders({ nonce: res.locals.cspNonce, production, path: req.path }))) {
      res.setHeader(name, value);
    }
    next();
  });

  app.use((req, res, next) => {
    const refusal = checkAddress(req);
    if (refusal) refusalPage(req, res, refusal);
    else next();
  });

  app.get("/petitions/:slug/count.json", (req, res, next) => {
    countHandler(req, res).catch(next);
  });
  // The mail provider's events (bounces, complaints): signed JSON, so before the form-only guard.
  app.post("/webhooks/resend", express.raw({ type: () => true, limit: "256kb" }), (req, res, next) => {
    webhookHandler(req, res).catch(next);
  });

  // Fingerprinted build assets can be cached for a year; other public files for an hour.

  // Only addresses that name a file (a dot in the last segment) look on disk: every page view
  // otherwise pays for a file-system check that cannot succeed.
  // Files are compressed (gzip or Brotli, as the browser asks): the scripts a phone downloads are a
  // quarter of their size. Pages are not: an HTML answer carries a CSRF token beside text the
  // visitor chose, which is what a BREACH attack needs (decision 029).
  const compressFiles = compression({ threshold: 1024 });
  app.use("/build", compressFiles, express.static(path.join(options.publicDir, "build"), { immutable: true, maxAge: "1y" }));
  const publicFiles = express.static(options.publicDir, { maxAge: "1h" });
  app.use((req, res, next) => (/\.[^/]+$/.test(req.path) ? compressFiles(req, res, () => publicFiles(req, res, next)) : next()));

  app.use((req, res, next) => {
    const verdict = checkCsrf({
      method: req.method,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      host: req.get("host"),
      trustedOrigins,
    });
    if (verdict.ok) return next();
    logger.warn("request refused by CSRF check", { path: req.path, reason: verdict.reason });
    res.status(403).type("text/plain").send("This request came from another site, so Chorus refused it. Go back to Chorus and try again.");
  });

  app.post("/petitions/:slug", (req, res, next) => {
    signHandler(req, res, next).catch(next);
  });

  const handleRemix = createRequestHandler(build, production ? "production" : "development");
  app.all("*", async (req, res, next) => {
    try {
      // A handler before this one may have read the body already (signing a petition).
      const guarded = (res.locals.guarded as Awaited<ReturnType<typeof readGuardedRequest>> | undefined) ?? (await readGuardedRequest(req));
      if (!guarded.ok) return refusalPage(req, res, guarded);
      const response = await handleRemix(remixRequest(req, res, guarded), { cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" });
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers) if (name !== "set-cookie") res.append(name, value);
      for (const cookie of response.headers.getSetCookie()) res.append("Set-Cookie", cookie);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  });

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    logger.error("request failed", { path: req.path, error: error instanceof Error ? error.stack : String(error) });
    if (!res.headersSent) res.status(500).type("text/plain").send("Sorry, something went wrong. Try again in a moment.");
  });

  return app;
}

/** The Fetch Request Remix runs on, with the guarded body (see request-guard.server.ts). */
function remixRequest(req: Request, res: Response, guarded: { body?: Buffer; contentType?: string }) {
  const url = new URL(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  if (guarded.contentType) headers.set("content-type", guarded.contentType);
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const init: RequestInit = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    const body = guarded.body ?? Buffer.alloc(0);
    headers.set("content-length", String(body.length));
    init.body = new Uint8Array(body);
  }
  return new globalThis.Request(url.href, init);
}
