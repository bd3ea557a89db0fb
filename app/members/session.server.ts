import { redirect } from "@remix-run/node";
import { insertSession, deleteSession, getSessionWithMember, touchSession, updateSessionExpiry } from "~/models/session.server";
import { db } from "../utils/db.server";
import { getEnv } from "../utils/env.server";
import { can, type Action, type Actor, type OrganisationContext } from "./permissions";
import { generateToken, hashToken } from "../utils/tokens.server";
import { forbidden } from "~/utils/responses.server";

/**
 * Sessions as Lucia's guide describes them: a 256-bit random token in an HttpOnly, SameSite=Lax
 * cookie; only its SHA-256 in the database; 30 days, extended when half spent.
 */
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
const RENEW_WHEN_LEFT_MS = 15 * DAY;
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

const production = getEnv().NODE_ENV === "production";
// `__Host-` binds the cookie to this exact origin over HTTPS; plain HTTP in development cannot use it.
const SESSION_COOKIE = production ? "__Host-chorus-session" : "chorus-session";

/** The raw token in the cookie, as Lucia's guide does: HttpOnly, SameSite=Lax, Secure in production. */
function serializeSessionCookie(token: string, expires: Date) {
  const parts = [`${SESSION_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Expires=${expires.toUTCString()}`];
  if (production) parts.push("Secure");
  return parts.join("; ");
}

export interface CurrentMember extends Actor {
  displayName: string;
  email: string;
  sessionId: string;
  /** Unread notifications (to 100), read with the session. */
  unread: number;
}

type Resolved = { member: CurrentMember | null; setCookie: string | null };
// Root and route loaders of one request share the lookup.
const perRequest = new WeakMap<Request, Promise<Resolved>>();

export function getCurrentMember(request: Request): Promise<Resolved> {
  let found = perRequest.get(request);
  if (!found) {
    found = resolveSession(request);
    perRequest.set(request, found);
  }
  return found;
}

async function resolveSession(request: Request): Promise<Resolved> {
  const token = await readSessionToken(request);
  if (!token) return { member: null, setCookie: null };
  const sessionId = hashToken(token);
  const row = await getSessionWithMember(db, sessionId);
  if (!row) return { member: null, setCookie: await clearSessionCookie() };
  const now = Date.now();
  const expiresAt = new Date(row.expires_at).getTime();
  if (expiresAt <= now) {
    await deleteSession(db, sessionId);
    return { member: null, setCookie: await clearSessionCookie() };
  }
  let setCookie: string | null = null;
  if (expiresAt - now < RENEW_WHEN_LEFT_MS) {
    const renewed = new Date(now + SESSION_LIFETIME_MS);
    await updateSessionExpiry(db, sessionId, renewed);
    setCookie = serializeSessionCookie(token, renewed);
  } else if (now - new Date(row.last_seen_at).getTime() > LAST_SEEN_RESOLUTION_MS) {
    await touchSession(db, sessionId);
  }
  return {
    member: {
      id: row.id,
      displayName: row.display_name,
      email: row.email ?? "",
      isAdmin: row.admin_role !== null,
      isModerator: row.moderator_role !== null,
      sessionId,
      unread: Number(row.unread ?? 0),
    },
    setCookie,
  };
}

async function readSessionToken(request: Request): Promise<string | null> {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [name, value] = part.trim().split("=", 2);
    if (name === SESSION_COOKIE && value && /^[a-z2-7]{52}$/.test(value)) return value;
  }
  return null;
}

/** Starts a session and returns the Set-Cookie header that carries its token. */
export async function startSession(executor: typeof db, memberId: number, request: Request): Promise<string> {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await insertSession(executor, { id: hashToken(token), memberId, expiresAt, device: describeDevice(request.headers.get("User-Agent")) });
  return serializeSessionCookie(token, expiresAt);
}

export async function endSession(request: Request): Promise<string> {
  const token = await readSessionToken(request);
  if (token) await deleteSession(db, hashToken(token));
  return clearSessionCookie();
}

function clearSessionCookie() {
  return serializeSessionCookie("", new Date(0));
}

/** A short, human description for the "where you are signed in" list; no IP addresses are kept. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "A browser";
  const os = /Windows/.test(userAgent)
    ? "Windows"
    : /Android/.test(userAgent)
      ? "Android"
      : /iPhone|iPad/.test(userAgent)
        ? "iOS"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "an unknown system";
  return `${browser} on ${os}`;
}

/**
 * Only a path on this site: never an open redirect. The value is parsed as a browser would parse it
 * (which drops tabs and newlines, so "/\t/evil.example" means "//evil.example") and only accepted
 * when it stays on our origin; what is returned is the parsed path (checked again after dot segments
 * are resolved), so no CR/LF reaches a header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  const base = "http://chorus.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  // Dot segments can leave a path that a browser reads as another host: "/.//evil.example"
  // normalises to "//evil.example". What goes out is one "/" followed by neither "/" nor "\".
  if (/^\/[/\\]/.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The signed-in member, or a redirect to sign in that comes back here afterwards. */
export async function requireMember(request: Request): Promise<CurrentMember> {
  const { member } = await getCurrentMember(request);
  if (!member) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  return member;
}

/** Throws 403 unless `can` allows it: every protected loader and action goes through here. */
export function assertCan(actor: CurrentMember | null, action: Action, organisation?: OrganisationContext) {
  if (!can(actor, action, organisation)) forbidden();
}

export async function requireCan(request: Request, action: Action): Promise<CurrentMember> {
  const member = await requireMember(request);
  assertCan(member, action);
  return member;
}
