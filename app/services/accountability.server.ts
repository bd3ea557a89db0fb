import type { Database } from "../../db";
import type { AskChannel, AskStatus } from "../../db/schema";
import { canMove, NO_RESPONSE_AFTER_DAYS, RESPONSE_LINK_DAYS, statusAfterResponse } from "~/accountability/statuses";
import {
  addStatusChange,
  claimPassedThresholds,
  getAsk,
  getAskForUpdate,
  getLinkResponse,
  insertAsk,
  insertResponse,
  listPetitionTargetIds,
  listUnansweredAsks,
  renewResponseLink,
  setPetitionTargets,
  type AskWithContext,
} from "~/models/ask.server";
import { getPetitionAsksForUpdate, listCampaignPetitions, setPetitionThresholds } from "~/models/petition.server";
import { getLetterCampaign } from "~/models/letter.server";
import { getRecipientTarget } from "~/models/target.server";
import { getAppUrl } from "~/utils/env.server";
import { formatCalendarDate, formatLondonLong, todayInLondon } from "~/utils/london-time";
import { readSignedExpiringToken, signedExpiringToken } from "~/utils/signed-links.server";
import { emailAddress, notifyFollowers } from "./notifications.server";
import { queuePetitionNews } from "./petition.server";
import { queueLetterNews } from "./letter.server";

/**
 * Accountability: what decision makers were asked for a campaign, what they answered and promised,
 * and whether they kept it. Every change is a dated, append-only step; followers of the campaign and
 * its demand hear of each, and a response also reaches the signers who asked for campaign news.
 */

export { RESPONSE_LINK_DAYS };
const DAY = 24 * 60 * 60 * 1000;

type AskContext = Pick<AskWithContext, "id" | "campaign_id" | "campaign_title" | "demand_id" | "target_name">;

const subjectsOf = (ask: AskContext) => [`campaign:${ask.campaign_id}`, `demand:${ask.demand_id}`];
const askPath = (ask: Pick<AskContext, "campaign_id" | "id">) => `/campaigns/${ask.campaign_id}#ask-${ask.id}`;

/** Followers of the campaign and its demand hear of a step in an ask (their "ask status" notifications). */
function tellOfStep(trx: Database, ask: AskContext, title: string, actorId: number | null) {
  return notifyFollowers(trx, subjectsOf(ask), {
    kind: "ask_status",
    title: `${ask.campaign_title}: ${title}`,
    url: askPath(ask),
    action: "See what was asked",
    group: { key: `campaign:${ask.campaign_id}`, title: ask.campaign_title },
    reason: "You get this because you follow this campaign or its demand.",
    actorId,
  });
}

/**
 * A response: followers hear at once (their "decision maker responds" notifications), and signers of
 * the campaign's petitions and writers of its letters who asked for campaign news get it by email. The email says who
 * answered and links to their words; it does not carry the words themselves, which may be long.
 */
async function tellOfResponse(trx: Database, ask: AskContext, receivedOn: string, actorId: number | null) {
  const when = formatCalendarDate(receivedOn);
  await notifyFollowers(trx, subjectsOf(ask), {
    kind: "decision_maker_response",
    title: `${ask.campaign_title}: ${ask.target_name} has responded`,
    paragraphs: [`${ask.target_name} responded on ${when}. Their response is published in their own words on the campaign's page.`],
    url: askPath(ask),
    action: "Read the response",
    group: { key: `campaign:${ask.campaign_id}`, title: ask.campaign_title },
    reason: "You get this because you follow this campaign or its demand.",
    actorId,
  });
  const news = {
    subject: `${ask.target_name} has responded to the campaign`,
    message: `${ask.target_name} responded to the campaign “${ask.campaign_title}” on ${when}.\n\nRead their response in their own words: ${getAppUrl()}${askPath(ask)}`,
  };
  const petitions = await listCampaignPetitions(trx, ask.campaign_id);
  for (const petition of petitions.filter((p) => p.status !== "draft")) await queuePetitionNews(trx, petition.id, news);
  // Letter writers who ticked "Email me when decision makers respond to this campaign".
  await queueLetterNews(trx, ask.campaign_id, news);
}

/** A new response link for an ask, emailed to its decision maker; older links stop working. */
async function sendLink(trx: Database, ask: AskWithContext, now: Date, petition: { title: string; count: number; slug: string; meeting: boolean } | null) {
  const expiresAt = new Date(now.getTime() + RESPONSE_LINK_DAYS * DAY);
  const version = await renewResponseLink(trx, ask.id, expiresAt);
  await emailAddress(trx, {
    to: ask.target_email,
    template: "AskForResponse",
    key: `ask:${ask.id}:link:${version}`,
    props: {
      decisionMakerName: ask.target_name,
      campaignTitle: ask.campaign_title,
      demandTitle: ask.demand_title,
      request: ask.request,
      petition: petition ? { title: petition.title, count: petition.count, url: `${getAppUrl()}/petitions/${petition.slug}`, meeting: petition.meeting } : null,
      respondUrl: `${getAppUrl()}/respond/${signedExpiringToken("ask-response", ask.id, version, expiresAt)}`,
      expiresOn: formatLondonLong(expiresAt),
    },
  });
}

/** Who can be sent a link: a decision maker with an address that has not bounced. */
const reachable = (ask: Pick<AskWithContext, "target_email" | "target_bounced_at">) => ask.target_email.includes("@") && !ask.target_bounced_at;

export interface AskFields {
  targetId: number;
  request: string;
  channel: AskChannel;
  letterCampaignId: number | null;
  petitionId: number | null;
  link: string | null;
  askedOn: string;
  /** Email the decision maker the ask with a response link. */
  sendLink: boolean;
}

export type RecordAskResult = { ok: true; id: number } | { ok: false; reason: "unknown-target" | "not-this-campaign" | "no-address" };

/** Records what the campaign asked a decision maker (and, if chosen, emails them a response link). */
export async function recordAsk(db: Database, actorId: number, campaignId: number, fields: AskFields, now = new Date()): Promise<RecordAskResult> {
  return db.transaction().execute(async (trx) => {
    const target = await getRecipientTarget(trx, fields.targetId);
    if (!target) return { ok: false, reason: "unknown-target" } as const;
    if (fields.petitionId !== null && !(await listCampaignPetitions(trx, campaignId)).some((p) => p.id === fields.petitionId)) return { ok: false, reason: "not-this-campaign" } as const;
    if (fields.letterCampaignId !== null && (await getLetterCampaign(trx, fields.letterCampaignId))?.campaign_id !== campaignId) return { ok: false, reason: "not-this-campaign" } as const;
    const id = await insertAsk(
      trx,
      { campaignId, targetId: fields.targetId, request: fields.request, channel: fields.channel, letterCampaignId: fields.letterCampaignId, petitionId: fields.petitionId, link: fields.link, askedOn: fields.askedOn, threshold: null, createdBy: actorId },
      "",
      "organiser",
    );
    const ask = await getAsk(trx, id!);
    if (fields.sendLink) {
      if (!reachable(ask!)) {
        // Rolling back keeps the organiser's form: they can untick the link or fix the address first.
        throw new NoAddress();
      }
      await sendLink(trx, ask!, now, null);
    }
    await tellOfStep(trx, ask!, `asked ${ask!.target_name}`, actorId);
    return { ok: true, id: id! } as const;
  }).catch((error: unknown) => {
    if (error instanceof NoAddress) return { ok: false, reason: "no-address" } as const;
    throw error;
  });
}

class NoAddress extends Error {}

/** Sends a fresh response link for an existing ask (the first was lost, or has expired). */
export async function resendResponseLink(db: Database, askId: number, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    if (!(await getAskForUpdate(trx, askId))) return { ok: false, reason: "not-found" } as const;
    const ask = (await getAsk(trx, askId))!;
    if (!reachable(ask)) return { ok: false, reason: "no-address" } as const;
    await sendLink(trx, ask, now, null);
    return { ok: true } as const;
  });
}

export type StepResult = { ok: true } | { ok: false; reason: "not-found" | "not-allowed" };

/** Adds a dated step to an ask's history: a new status, or the same one with a progress summary. */
export async function changeAskStatus(db: Database, actorId: number, askId: number, step: { status: AskStatus; summary: string; happenedOn: string }): Promise<StepResult> {
  return db.transaction().execute(async (trx) => {
    const current = await getAskForUpdate(trx, askId);
    if (!current) return { ok: false, reason: "not-found" } as const;
    if (!canMove(current.status, step.status)) return { ok: false, reason: "not-allowed" } as const;
    await addStatusChange(trx, askId, { ...step, source: "organiser", actorId });
    const ask = (await getAsk(trx, askId))!;
    const what = step.status === current.status ? `progress on the ask to ${ask.target_name}` : `${ask.target_name}: ${STEP_WORDS[step.status]}`;
    await tellOfStep(trx, ask, what, actorId);
    return { ok: true } as const;
  });
}

const STEP_WORDS: Record<AskStatus, string> = {
  asked: "asked",
  responded: "responded",
  committed: "committed",
  delivered: "delivered what they promised",
  declined: "declined",
  no_response: "no response",
  broken: "a promise broken",
};

export interface OrganiserResponse {
  body: string;
  responder: string;
  source: string;
  receivedOn: string;
  /** What the response means for the ask; the current status keeps it as it is. */
  status: AskStatus;
  summary: string;
}

/** An organiser publishes a response received elsewhere (a letter, a meeting), with its source and date. */
export async function enterResponse(db: Database, actorId: number, askId: number, response: OrganiserResponse): Promise<StepResult> {
  return db.transaction().execute(async (trx) => {
    const current = await getAskForUpdate(trx, askId);
    if (!current) return { ok: false, reason: "not-found" } as const;
    const status = response.status === current.status ? statusAfterResponse(current.status) : response.status;
    if (!canMove(current.status, status)) return { ok: false, reason: "not-allowed" } as const;
    await insertResponse(trx, { askId, body: response.body, via: "organiser", responder: response.responder, source: response.source, receivedOn: response.receivedOn, enteredBy: actorId });
    await addStatusChange(trx, askId, { status, summary: response.summary, happenedOn: response.receivedOn, source: "organiser", actorId });
    await tellOfResponse(trx, (await getAsk(trx, askId))!, response.receivedOn, actorId);
    return { ok: true } as const;
  });
}

export type LinkRefusal = "invalid" | "expired" | "superseded";
export type OpenedLink = { ok: true; ask: AskWithContext; answered: { body: string; receivedOn: string } | null; expiresAt: Date } | { ok: false; reason: LinkRefusal };

/**
 * What a response link opens: the ask and any answer already given. Reading changes nothing, so a
 * mail scanner that fetches the link does no harm; only the form's button answers.
 */
export async function openResponseLink(db: Database, token: string, now = new Date()): Promise<OpenedLink> {
  const link = readSignedExpiringToken("ask-response", token);
  if (!link) return { ok: false, reason: "invalid" };
  const ask = await getAsk(db, link.id);
  if (!ask) return { ok: false, reason: "invalid" };
  if (link.version !== ask.response_link_version) return { ok: false, reason: "superseded" };
  const answered = await getLinkResponse(db, ask.id);
  if (link.expiresAt.getTime() <= now.getTime() && !answered) return { ok: false, reason: "expired" };
  return { ok: true, ask, answered: answered ? { body: answered.body, receivedOn: answered.received_on } : null, expiresAt: link.expiresAt };
}

/** The decision maker's own position on what was asked, chosen on the response form. */
export const POSITIONS = ["commit", "decline", "respond"] as const;
export type Position = (typeof POSITIONS)[number];
const POSITION_STATUS: Record<Position, AskStatus> = { commit: "committed", decline: "declined", respond: "responded" };
const POSITION_SUMMARY: Record<Position, string> = {
  commit: "Committed in their own response.",
  decline: "Declined in their own response.",
  respond: "Responded in their own words.",
};

export type AnswerResult = { ok: true } | { ok: false; reason: LinkRefusal | "answered" };

/** A decision maker answers through their link: published at once, once per link. */
export async function answerThroughLink(db: Database, token: string, answer: { body: string; position: Position }, now = new Date()): Promise<AnswerResult> {
  const link = readSignedExpiringToken("ask-response", token);
  if (!link) return { ok: false, reason: "invalid" };
  if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  return db.transaction().execute(async (trx) => {
    const current = await getAskForUpdate(trx, link.id);
    if (!current) return { ok: false, reason: "invalid" } as const;
    if (current.response_link_version !== link.version) return { ok: false, reason: "superseded" } as const;
    const ask = (await getAsk(trx, link.id))!;
    const today = todayInLondon(now);
    const id = await insertResponse(trx, { askId: ask.id, body: answer.body, via: "link", responder: ask.target_name, source: null, receivedOn: today, enteredBy: null });
    if (id === null) return { ok: false, reason: "answered" } as const;
    // Their stated position moves the ask where the steps allow; otherwise it is recorded as a response.
    const wanted = POSITION_STATUS[answer.position];
    const status = canMove(current.status, wanted) ? wanted : statusAfterResponse(current.status);
    await addStatusChange(trx, ask.id, { status, summary: POSITION_SUMMARY[answer.position], happenedOn: today, source: "decision_maker", actorId: null });
    await tellOfResponse(trx, ask, today, null);
    return { ok: true } as const;
  });
}

/**
 * The daily sweep: asks still waiting 30 days after they were made become "no response" (a step
 * like any other, marked automatic), and followers hear of it. Bounded per run; returns how many.
 */
export async function markUnansweredAsks(db: Database, now = new Date(), limit = 500) {
  const cutoff = todayInLondon(new Date(now.getTime() - NO_RESPONSE_AFTER_DAYS * DAY));
  return db.transaction().execute(async (trx) => {
    const due = await listUnansweredAsks(trx, cutoff, limit);
    for (const { id } of due) {
      await addStatusChange(trx, id, { status: "no_response", summary: `No answer ${NO_RESPONSE_AFTER_DAYS} days after the ask.`, happenedOn: todayInLondon(now), source: "automatic", actorId: null });
      const ask = (await getAsk(trx, id))!;
      await tellOfStep(trx, ask, `no response from ${ask.target_name} after ${NO_RESPONSE_AFTER_DAYS} days`, null);
    }
    return due.length;
  });
}

/**
 * Called by the count fold, in its transaction, with the petitions it just counted: each petition
 * that has reached its response (or meeting) threshold asks every decision maker it is addressed to,
 * once: the petition row is marked in the same statement that finds it, and a unique index on
 * (petition, decision maker, threshold) holds even if two folds raced.
 */
export async function askAtThresholds(trx: Database, petitionIds: number[], now = new Date()) {
  const passed = await claimPassedThresholds(trx, petitionIds);
  let asked = 0;
  for (const petition of passed) {
    const meeting = petition.threshold === "meeting";
    const count = petition.signature_count;
    const request = meeting
      ? `The petition “${petition.title}” has passed ${count.toLocaleString("en-GB")} confirmed signatures. Its signers ask you to meet the campaign about what it asks:\n\n${petition.ask}`
      : `The petition “${petition.title}” has passed ${count.toLocaleString("en-GB")} confirmed signatures. Its signers ask for your public response to what it asks:\n\n${petition.ask}`;
    const names: string[] = [];
    let last: AskWithContext | null = null;
    for (const targetId of await listPetitionTargetIds(trx, petition.id)) {
      const id = await insertAsk(
        trx,
        { campaignId: petition.campaign_id, targetId, request, channel: "petition", letterCampaignId: null, petitionId: petition.id, link: `/petitions/${petition.slug}`, askedOn: todayInLondon(now), threshold: petition.threshold, createdBy: null },
        meeting ? `Asked for a meeting when the petition passed ${count.toLocaleString("en-GB")} signatures.` : `Asked for a response when the petition passed ${count.toLocaleString("en-GB")} signatures.`,
        "automatic",
      );
      if (id === null) continue;
      const ask = (await getAsk(trx, id))!;
      if (reachable(ask)) await sendLink(trx, ask, now, { title: petition.title, count, slug: petition.slug, meeting });
      names.push(ask.target_name);
      last = ask;
      asked++;
    }
    // One notification per threshold, naming everyone it asked.
    if (last) await tellOfStep(trx, last, `${names.join(", ")} asked for ${meeting ? "a meeting" : "a response"} at ${count.toLocaleString("en-GB")} signatures`, null);
  }
  return asked;
}

export interface PetitionAsks {
  targetIds: number[];
  responseThreshold: number | null;
  meetingThreshold: number | null;
}

export type PetitionAsksResult =
  | { ok: true; asked: number }
  | { ok: false; reason: "not-found" | "closed" | "targets-fixed" | "response-asked" | "meeting-asked" };

/**
 * Who an open petition asks, and at what counts. Until a threshold has asked, it may be set, raised
 * or lowered; once it has, it stays as it was (the asks it made name it). The decision makers may
 * change until the first threshold asks, then stay as they were asked. A threshold the count has
 * already passed asks at once, in this transaction, as the count fold would have.
 */
export async function setPetitionAsks(db: Database, petitionId: number, asks: PetitionAsks, now = new Date()): Promise<PetitionAsksResult> {
  return db.transaction().execute(async (trx) => {
    const petition = await getPetitionAsksForUpdate(trx, petitionId);
    if (!petition) return { ok: false, reason: "not-found" } as const;
    if (petition.status !== "open" && petition.status !== "draft") return { ok: false, reason: "closed" } as const;
    if (petition.response_asked_at && asks.responseThreshold !== petition.response_threshold) return { ok: false, reason: "response-asked" } as const;
    if (petition.meeting_asked_at && asks.meetingThreshold !== petition.meeting_threshold) return { ok: false, reason: "meeting-asked" } as const;
    if (petition.response_asked_at || petition.meeting_asked_at) {
      const current = new Set(await listPetitionTargetIds(trx, petitionId));
      if (current.size !== new Set(asks.targetIds).size || asks.targetIds.some((id) => !current.has(id))) return { ok: false, reason: "targets-fixed" } as const;
    } else {
      await setPetitionTargets(trx, petitionId, asks.targetIds);
    }
    await setPetitionThresholds(trx, petitionId, asks);
    const asked = petition.status === "open" ? await askAtThresholds(trx, [petitionId], now) : 0;
    return { ok: true, asked } as const;
  });
}
