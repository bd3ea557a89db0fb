import type { Database } from "../../db";
import type { TargetRole } from "../../db/schema";
import { deleteExpiredLookups, getCachedConstituency, getCachedRepresentative, saveConstituency, saveRepresentative } from "~/models/representative.server";
import { findLookedUpTarget, getRecipientTarget, resolveTargets, upsertLookedUpTarget } from "~/models/target.server";
import { mergeRepresentative } from "~/letters/lookup/merge";
import { parseConstituencySearch, parseContactEmail, parsePostcodeAnswer, type Constituency, type Representative } from "~/letters/lookup/uk-parliament";
import { getRepresentativeLookupSettings } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";

/**
 * Real representatives by postcode: a full postcode's Westminster constituency from a
 * postcodes.io-compatible API, and that constituency's current MP and email address from UK
 * Parliament's Members API (both public, no key), each cached in PostgreSQL. Whatever goes wrong
 * (timeout, network, unknown postcode, an error or a malformed answer) the letter falls back to
 * the directory, and the page says so: a lookup failure is never an error page.
 */

const DAY = 86_400_000;
/** Postcodes move between constituencies only at boundary reviews. */
export const CONSTITUENCY_CACHE_DAYS = 30;
/** MPs change at elections, by-elections and resignations: a day old at most. */
export const REPRESENTATIVE_CACHE_DAYS = 1;

export type LookupSettings = NonNullable<ReturnType<typeof getRepresentativeLookupSettings>>;

/** Why a request to a lookup API gave no answer. */
export type LookupFailure = "timeout" | "network" | "not-found" | "bad-status" | "malformed";

type Fetched = { ok: true; json: unknown } | { ok: false; failure: LookupFailure; status?: number };

const isTimeout = (error: unknown) => error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");

async function getJson(url: string, signal: AbortSignal): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: "application/json" } });
  } catch (error) {
    return { ok: false, failure: isTimeout(error) ? "timeout" : "network" };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, failure: response.status === 404 ? "not-found" : "bad-status", status: response.status };
  }
  try {
    return { ok: true, json: await response.json() };
  } catch (error) {
    return { ok: false, failure: isTimeout(error) ? "timeout" : "malformed" };
  }
}

const joinUrl = (base: string, path: string) => `${base.replace(/\/+$/, "")}${path}`;

/**
 * The HTTP clients for one provider. Each call takes the lookup's signal (one time budget for the
 * whole lookup), or makes its own from `timeoutMs`.
 */
export function ukParliamentClients(options: { postcodesUrl: string; membersUrl: string; timeoutMs: number }) {
  const signalFor = (signal?: AbortSignal) => signal ?? AbortSignal.timeout(options.timeoutMs);
  return {
    /** GET /postcodes/{postcode}: the constituency, or not-found for a postcode the register does not know. */
    async constituencyFor(postcode: string, signal?: AbortSignal): Promise<{ ok: true; constituency: Constituency } | { ok: false; failure: LookupFailure }> {
      const fetched = await getJson(joinUrl(options.postcodesUrl, `/postcodes/${encodeURIComponent(postcode)}`), signalFor(signal));
      if (!fetched.ok) return fetched;
      const constituency = parsePostcodeAnswer(fetched.json);
      return constituency ? { ok: true, constituency } : { ok: false, failure: "malformed" };
    },
    /** The constituency's current MP (null: none) and the email address Parliament lists for them (null: none listed). */
    async representativeFor(constituency: Constituency, signal?: AbortSignal): Promise<{ ok: true; representative: (Representative & { email: string | null }) | null } | { ok: false; failure: LookupFailure }> {
      const budget = signalFor(signal);
      const search = await getJson(joinUrl(options.membersUrl, `/api/Location/Constituency/Search?searchText=${encodeURIComponent(constituency.name)}&skip=0&take=20`), budget);
      if (!search.ok) return search;
      const found = parseConstituencySearch(search.json, constituency.name);
      if (!found.ok) return { ok: false, failure: "malformed" };
      if (!found.representative) return { ok: true, representative: null };
      const contact = await getJson(joinUrl(options.membersUrl, `/api/Members/${found.representative.memberId}/Contact`), budget);
      if (!contact.ok) return contact;
      const email = parseContactEmail(contact.json);
      if (!email.ok) return { ok: false, failure: "malformed" };
      return { ok: true, representative: { ...found.representative, email: email.email } };
    },
  };
}

export type Recipient = { id: number; name: string; role: TargetRole; body: string; email: string; chosen: boolean };

/** What the lookup found, for the page to put into words. */
export type LookupResult =
  | { status: "found"; constituency: string; target: Recipient }
  | { status: "unknown-postcode" }
  | { status: "unavailable" }
  | { status: "no-representative"; constituency: string };

/**
 * The MP for a full postcode ("LS6 1AN"), from the caches or the APIs, recorded as a target row.
 * `now` is a parameter so tests control expiry.
 */
export async function lookUpRepresentative(db: Database, postcode: string, settings: LookupSettings, now = new Date()): Promise<LookupResult> {
  const clients = ukParliamentClients(settings);
  const budget = AbortSignal.timeout(settings.timeoutMs);
  let constituency: Constituency | undefined = await getCachedConstituency(db, postcode, now);
  if (!constituency) {
    const answer = await clients.constituencyFor(postcode, budget);
    if (!answer.ok) {
      if (answer.failure === "not-found") return { status: "unknown-postcode" };
      logger.warn("representative lookup: postcode API gave no answer", { failure: answer.failure });
      return { status: "unavailable" };
    }
    constituency = answer.constituency;
    await saveConstituency(db, postcode, constituency, new Date(now.getTime() + CONSTITUENCY_CACHE_DAYS * DAY));
  }

  let cached = await getCachedRepresentative(db, constituency.code, now);
  let fresh = false;
  if (!cached) {
    const answer = await clients.representativeFor(constituency, budget);
    if (!answer.ok) {
      logger.warn("representative lookup: Members API gave no answer", { failure: answer.failure, constituency: constituency.code });
      return { status: "unavailable" };
    }
    await saveRepresentative(db, constituency, answer.representative, new Date(now.getTime() + REPRESENTATIVE_CACHE_DAYS * DAY));
    const r = answer.representative;
    cached = { member_id: r?.memberId ?? null, name: r?.name ?? null, party: r?.party ?? null, email: r?.email ?? null };
    fresh = true;
  }
  if (cached.member_id === null || !cached.name || !cached.email) return { status: "no-representative", constituency: constituency.name };

  // The row is written when the MP is fetched (name or address may have changed), and found by id otherwise.
  const externalId = String(cached.member_id);
  const known = fresh ? undefined : await findLookedUpTarget(db, "uk-parliament", externalId);
  const targetId = known?.id ?? (await upsertLookedUpTarget(db, { source: "uk-parliament", externalId, name: cached.name, body: constituency.name, email: cached.email }));
  const target = await getRecipientTarget(db, targetId);
  if (!target || target.bounced_at) return { status: "no-representative", constituency: constituency.name };
  return { status: "found", constituency: constituency.name, target: { id: target.id, name: target.name, role: target.role, body: target.body, email: target.email, chosen: false } };
}

/** The lookup's outcome as a page shows it; `representativeId` travels with the letter so what is sent matches the preview. */
export type LookupOutcome = { status: LookupResult["status"]; constituency: string | null; representativeId: number | null };

/**
 * Who a letter from this postcode goes to: the directory's decision makers for it, with the
 * writer's MP from the lookup in place of the directory's MPs when the lookup is on, the
 * campaign writes to writers' own MPs, and the lookup found one. `lookup` is null when no lookup
 * was made.
 */
export async function findRecipients(
  db: Database,
  letterCampaign: { id: number; own_roles: TargetRole[] },
  postcode: { postcode: string; outward: string; area: string },
  settings: LookupSettings | null = getRepresentativeLookupSettings(),
): Promise<{ recipients: Recipient[]; lookup: LookupOutcome | null }> {
  const result = settings && letterCampaign.own_roles.includes("mp") ? await lookUpRepresentative(db, postcode.postcode, settings) : null;
  const directory = await resolveTargets(db, letterCampaign, postcode);
  const recipients = mergeRepresentative(directory, result?.status === "found" ? result.target : null);
  const lookup = result && {
    status: result.status,
    constituency: "constituency" in result ? result.constituency : null,
    representativeId: result.status === "found" ? result.target.id : null,
  };
  return { recipients, lookup };
}

/** Nightly: cached lookups past their expiry go (the postcodes are where supporters live). */
export async function clearExpiredLookups(db: Database, now = new Date()) {
  return deleteExpiredLookups(db, now);
}
