import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { getEnv, signingSecret } from "./env.server";

/** A one-time message; `link` offers the next step (a page only this browser's redirect knows, like adding a story). */
export type Flash = { kind: "success" | "info" | "error"; message: string; link?: { to: string; label: string } };

// Made on first use: the module is also loaded at start-up (by the petition signing path), before
// the configuration has been checked. Without COOKIE_SECRET (allowed outside production) a
// per-process secret is enough: a flash message lives for one redirect.
let storages: ReturnType<typeof makeStorages> | undefined;
function makeStorages() {
  const secret = signingSecret();
  const production = getEnv().NODE_ENV === "production";
  const cookie = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: production, secrets: [secret] };
  return {
    flash: createCookieSessionStorage<Record<string, never>, { flash: Flash }>({ cookie: { ...cookie, name: production ? "__Host-chorus-flash" : "chorus-flash" } }),
    // Where a "check your email" message went: kept in a short-lived signed cookie of its own, never
    // in the URL, so the address stays out of browser history, Referer headers and server logs.
    sentTo: createCookieSessionStorage<{ to: string }>({ cookie: { ...cookie, name: production ? "__Host-chorus-sent-to" : "chorus-sent-to", maxAge: 15 * 60 } }),
    // Petitions this browser confirmed a signature to in the last day, so their pages say "You have
    // signed" instead of offering the form again. Signed, so nobody can claim a signature they made up.
    signed: createCookieSessionStorage<{ petitions: number[] }>({ cookie: { ...cookie, name: production ? "__Host-chorus-signed" : "chorus-signed", maxAge: 24 * 60 * 60 } }),
  };
}
const storage = {
  get flash() {
    return (storages ??= makeStorages()).flash;
  },
  get sentTo() {
    return (storages ??= makeStorages()).sentTo;
  },
  get signed() {
    return (storages ??= makeStorages()).signed;
  },
};

/** Redirects with a one-time message shown on the next page (works without JavaScript). */
export async function redirectWithFlash(request: Request, to: string, flash: Flash, init: ResponseInit = {}) {
  const session = await storage.flash.getSession(request.headers.get("Cookie"));
  session.flash("flash", flash);
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await storage.flash.commitSession(session));
  return redirect(to, { ...init, headers });
}

/** Reads (and so clears) the pending message; the caller must send the returned Set-Cookie. */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const cookie = request.headers.get("Cookie");
  if (!cookie?.includes("chorus-flash")) return { flash: null, setCookie: null };
  const session = await storage.flash.getSession(cookie);
  const flash = session.get("flash") ?? null;
  return { flash, setCookie: flash ? await storage.flash.commitSession(session) : null };
}

export type CheckEmailKind = "join" | "sign-in" | "reset" | "change-email" | "petition" | "letter";

/** Redirects to the "check your email" page, which shows the address without it being in the URL. */
export async function redirectToCheckEmail(request: Request, kind: CheckEmailKind, email: string, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await sentToCookie(email));
  return redirect(`/check-email?for=${kind}`, { ...init, headers });
}

/** The Set-Cookie header that tells the "check your email" page where the message went. */
export async function sentToCookie(email: string) {
  const session = await storage.sentTo.getSession();
  session.set("to", email.trim().slice(0, 254));
  return storage.sentTo.commitSession(session);
}

export async function readSentTo(request: Request): Promise<string> {
  const session = await storage.sentTo.getSession(request.headers.get("Cookie"));
  return session.get("to") ?? "";
}

/** The Set-Cookie header that remembers this browser signed (and confirmed) the petition. */
export async function signedPetitionCookie(request: Request, petitionId: number) {
  const session = await storage.signed.getSession(request.headers.get("Cookie"));
  const petitions = [petitionId, ...(session.get("petitions") ?? []).filter((id) => id !== petitionId)].slice(0, 20);
  session.set("petitions", petitions);
  return storage.signed.commitSession(session);
}

export async function hasSignedPetition(request: Request, petitionId: number): Promise<boolean> {
  const cookie = request.headers.get("Cookie");
  if (!cookie?.includes("chorus-signed")) return false;
  const session = await storage.signed.getSession(cookie);
  return (session.get("petitions") ?? []).includes(petitionId);
}
