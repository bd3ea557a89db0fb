import { createHmac, timingSafeEqual } from "node:crypto";
import { signingSecret } from "./env.server";

// Signed with COOKIE_SECRET (required in production); without it (development) the secret kept in
// the data folder (see signingSecret). Read on first use: this module is loaded at start-up, before
// the configuration has been checked and reported.
let secret: string | undefined;
const mac = (purpose: string, id: number | string) => {
  secret ??= signingSecret();
  return createHmac("sha256", secret).update(`${purpose}:${id}`).digest("hex").slice(0, 32);
};

/**
 * Links in bulk or follow-up mail that act on one row ("stop news", "did you get a reply?"): the
 * row's id and a MAC of it with the link's purpose, so nothing needs storing and one kind of link
 * cannot be used as another.
 */
export type LinkPurpose = "petition-news-off" | "letter-news-off" | "letter-reply" | "unsubscribe" | "ask-response" | "story-teller" | "event-cancel" | "calendar-feed";

export function signedLinkToken(purpose: LinkPurpose, id: number) {
  return `${id}.${mac(purpose, id)}`;
}

/** The id a link's token was made for, or null if we did not make it (for this purpose). */
export function readSignedLinkToken(purpose: LinkPurpose, token: string): number | null {
  const match = /^(\d{1,15})\.([0-9a-f]{32})$/.exec(token);
  if (!match) return null;
  const id = Number(match[1]);
  const expected = Buffer.from(mac(purpose, id));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/** A link for one member and one kind of mail ("12-comment_reply"), for unsubscribe links. */
export function signedMemberKindToken(purpose: LinkPurpose, memberId: number, kind: string) {
  return `${memberId}-${kind}.${mac(purpose, `${memberId}-${kind}`)}`;
}

export function readSignedMemberKindToken(purpose: LinkPurpose, token: string): { memberId: number; kind: string } | null {
  const match = /^(\d{1,15})-([a-z_]{1,40})\.([0-9a-f]{32})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from(mac(purpose, `${match[1]}-${match[2]}`));
  const given = Buffer.from(match[3]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { memberId: Number(match[1]), kind: match[2]! } : null;
}

/**
 * A link that stops working on its own: the row's id, a version the row keeps (bump it and every
 * older link dies) and an expiry, all under one MAC, so none of them can be edited.
 */
export function signedExpiringToken(purpose: LinkPurpose, id: number, version: number, expiresAt: Date) {
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  return `${id}.${version}.${seconds}.${mac(purpose, `${id}.${version}.${seconds}`)}`;
}

export type ExpiringLink = { id: number; version: number; expiresAt: Date };

/** What an expiring link was made for, or null if we did not make it; the caller checks expiry and version. */
export function readSignedExpiringToken(purpose: LinkPurpose, token: string): ExpiringLink | null {
  const match = /^(\d{1,15})\.(\d{1,6})\.(\d{1,12})\.([0-9a-f]{32})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from(mac(purpose, `${match[1]}.${match[2]}.${match[3]}`));
  const given = Buffer.from(match[4]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { id: Number(match[1]), version: Number(match[2]), expiresAt: new Date(Number(match[3]) * 1000) };
}

/**
 * A long-lived private address that can be revoked: the row's id and a version the database keeps
 * (a new address bumps it and every older one dies), under one MAC. A member's calendar feed.
 */
export function signedVersionToken(purpose: LinkPurpose, id: number, version: number) {
  return `${id}.${version}.${mac(purpose, `${id}.${version}`)}`;
}

/** What a versioned link was made for, or null if we did not make it; the caller checks the version. */
export function readSignedVersionToken(purpose: LinkPurpose, token: string): { id: number; version: number } | null {
  const match = /^(\d{1,15})\.(\d{1,6})\.([0-9a-f]{32})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from(mac(purpose, `${match[1]}.${match[2]}`));
  const given = Buffer.from(match[3]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { id: Number(match[1]), version: Number(match[2]) } : null;
}
