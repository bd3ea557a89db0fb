import type { Database } from "../../db";
import { hitRateLimitBucket } from "../models/rate-limit.server";

export interface RateLimitRule {
  /** A name for the action, part of the bucket key. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number; message: string };

/**
 * Checks and counts one attempt at `rule` by `subject` (an IP address, an account id, an email hash).
 * Backed by PostgreSQL so limits hold across restarts and across several app processes.
 */
export async function checkRateLimit(db: Database, rule: RateLimitRule, subject: string): Promise<RateLimitResult> {
  const { hits, resetsAt } = await hitRateLimitBucket(db, `${rule.name}:${subject}`, rule.windowSeconds);
  if (hits <= rule.limit) return { ok: true };
  const retryAfterSeconds = Math.max(1, Math.ceil((resetsAt.getTime() - Date.now()) / 1000));
  return { ok: false, retryAfterSeconds, message: tryAgainMessage(retryAfterSeconds) };
}

/** Checks several rules (say, per IP and per account); the first one exceeded wins. */
export async function checkRateLimits(db: Database, checks: Array<[RateLimitRule, string]>): Promise<RateLimitResult> {
  let blocked: RateLimitResult = { ok: true };
  // Every rule is counted even after one fails, so alternating subjects cannot dodge a limit.
  for (const [rule, subject] of checks) {
    const result = await checkRateLimit(db, rule, subject);
    if (!result.ok && (blocked.ok || result.retryAfterSeconds > blocked.retryAfterSeconds)) blocked = result;
  }
  return blocked;
}

export function tryAgainMessage(seconds: number) {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "Too many attempts. Try again in 1 minute." : `Too many attempts. Try again in ${minutes} minutes.`;
}

const MINUTE = 60;
/**
 * The limits on actions that cost us (email sent, password hashed) or that guess secrets. Per-IP limits
 * are generous because a whole office or day centre can share one address; per-email limits protect
 * each account.
 */
export const RATE_LIMITS = {
  joinPerIp: { name: "join-ip", limit: 50, windowSeconds: 60 * MINUTE },
  joinPerEmail: { name: "join-email", limit: 3, windowSeconds: 60 * MINUTE },
  signInPerIp: { name: "sign-in-ip", limit: 100, windowSeconds: 15 * MINUTE },
  // Per address and IP together, so someone guessing a member's password from elsewhere cannot lock
  // the member out; a looser limit per email caps guessing spread over many addresses.
  signInPerIpAndEmail: { name: "sign-in-ip-email", limit: 8, windowSeconds: 15 * MINUTE },
  signInPerEmail: { name: "sign-in-email", limit: 100, windowSeconds: 60 * MINUTE },
  linkPerIp: { name: "link-ip", limit: 50, windowSeconds: 15 * MINUTE },
  linkPerEmail: { name: "link-email", limit: 3, windowSeconds: 15 * MINUTE },
  invitePerMember: { name: "invite-member", limit: 30, windowSeconds: 60 * MINUTE },
  emailChangePerMember: { name: "email-change-member", limit: 5, windowSeconds: 60 * MINUTE },
  // Searching people by name is cheap to automate; a person looking for co-authors needs a few dozen.
  memberSearchPerMember: { name: "member-search-member", limit: 30, windowSeconds: 15 * MINUTE },
  // Each invitation to co-author emails a member; inviting, withdrawing and inviting again is capped here.
  coauthorInvitePerMember: { name: "coauthor-invite-member", limit: 20, windowSeconds: 60 * MINUTE },
  // Over this, signatures are still taken but marked suspect, silently (a household or an office
  // can share an address; organisers review suspect clusters before anything is invalidated).
  signPerIpPerPetition: { name: "petition-sign-ip", limit: 20, windowSeconds: 60 * MINUTE },
  // Each letter sends a confirmation email and, once confirmed, mail to decision makers.
  letterPerIp: { name: "letter-ip", limit: 30, windowSeconds: 60 * MINUTE },
  letterPerEmail: { name: "letter-email", limit: 5, windowSeconds: 60 * MINUTE },
  // Each public registration for an event sends a confirmation email.
  eventRegisterPerIp: { name: "event-register-ip", limit: 30, windowSeconds: 60 * MINUTE },
  eventRegisterPerEmail: { name: "event-register-email", limit: 5, windowSeconds: 60 * MINUTE },
} satisfies Record<string, RateLimitRule>;

/**
 * Stories told without an account (a signer or letter writer, with their confirmation link): each
 * is read by a moderator, so a flood from one network would bury real ones. Per link, the service
 * allows a few stories in all (STORIES_PER_SOURCE).
 */
export const RATE_LIMITS_STORIES = {
  storyWithoutAccountPerIp: { name: "story-no-account-ip", limit: 20, windowSeconds: 60 * MINUTE },
  newTellerLinkPerStory: { name: "story-teller-link", limit: 3, windowSeconds: 60 * MINUTE },
} satisfies Record<string, RateLimitRule>;
