import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express, { type NextFunction, type Request, type Response } from "express";
import { checkCsrf } from "./csrf.server";
import { getAppUrl, getEnv } from "./env.server";
import { logger } from "./logger.server";
import { securityHeaders } from "./security-headers.server";

/**
 * The HTTP layer around Remix: request logging, security headers with a per-request CSP nonce,
 * static files, and the CSRF check that every non-GET request passes before any action runs.
 */
export function createExpressApp(build: ServerBuild, options: { publicDir: string }) {
  const env = getEnv();
  const production = env.NODE_ENV === "production";
  const trustedOrigins = [new URL(getAppUrl(env)).origin];
  const app = express();
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

  // Fingerprinted build assets can be cached for a year; other public files for an hour.
  app.use("/build", express.static(path.join(options.publicDir, "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(options.publicDir, { maxAge: "1h" }));

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

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: production ? "production" : "development",
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" }),
    }),
  );

  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    logger.error("request failed", { path: req.path, error: error instanceof Error ? error.stack : String(error) });
    if (!res.headersSent) res.status(500).type("text/plain").send("Sorry, something went wrong. Try again in a moment.");
  });

  return app;
}
