import { randomBytes } from "node:crypto";
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { getEnv } from "./env.server";

export type Flash = { kind: "success" | "info" | "error"; message: string };

// Without COOKIE_SECRET (allowed outside production) a per-process secret is enough: a flash
// message lives for one redirect.
const secret = getEnv().COOKIE_SECRET ?? randomBytes(32).toString("hex");
const production = getEnv().NODE_ENV === "production";

const storage = createCookieSessionStorage<Record<string, never>, { flash: Flash }>({
  cookie: {
    name: production ? "__Host-chorus-flash" : "chorus-flash",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: production,
    secrets: [secret],
  },
});

/** Redirects with a one-time message shown on the next page (works without JavaScript). */
export async function redirectWithFlash(request: Request, to: string, flash: Flash, init: ResponseInit = {}) {
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.flash("flash", flash);
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await storage.commitSession(session));
  return redirect(to, { ...init, headers });
}

/** Reads (and so clears) the pending message; the caller must send the returned Set-Cookie. */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const cookie = request.headers.get("Cookie");
  if (!cookie?.includes("chorus-flash")) return { flash: null, setCookie: null };
  const session = await storage.getSession(cookie);
  const flash = session.get("flash") ?? null;
  return { flash, setCookie: flash ? await storage.commitSession(session) : null };
}

// Where a "check your email" message went: kept in a short-lived signed cookie of its own, never
// in the URL, so the address stays out of browser history, Referer headers and server logs.
const sentToStorage = createCookieSessionStorage<{ to: string }>({
  cookie: {
    name: production ? "__Host-chorus-sent-to" : "chorus-sent-to",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: production,
    secrets: [secret],
    maxAge: 15 * 60,
  },
});

export type CheckEmailKind = "join" | "sign-in" | "reset" | "change-email" | "petition" | "letter";

/** Redirects to the "check your email" page, which shows the address without it being in the URL. */
export async function redirectToCheckEmail(request: Request, kind: CheckEmailKind, email: string, init: ResponseInit = {}) {
  const session = await sentToStorage.getSession(request.headers.get("Cookie"));
  session.set("to", email.trim().slice(0, 254));
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await sentToStorage.commitSession(session));
  return redirect(`/check-email?for=${kind}`, { ...init, headers });
}

export async function readSentTo(request: Request): Promise<string> {
  const session = await sentToStorage.getSession(request.headers.get("Cookie"));
  return session.get("to") ?? "";
}
