import type { Database } from "../../db";
import type { CoalitionRole, DecisionRule, NotificationDelivery, OrganisationKind, Perspective, TargetRole, Topic } from "../../db/schema";
import { follow } from "../../app/models/follow.server";
import { getLetterCampaign, type LetterCampaignFields } from "../../app/models/letter.server";
import { getPetitionBySlug } from "../../app/models/petition.server";
import { upsertTarget } from "../../app/models/target.server";
import { parseAreas } from "../../app/letters/rules";
import { startSession } from "../../app/members/session.server";
import type { NotificationKind } from "../../app/notifications/kinds";
import { castVote, closeVoting, proposeDemand } from "../../app/services/demand.server";
import { startCampaign } from "../../app/services/campaign.server";
import { createLetterCampaign, setLetterCampaignStatus } from "../../app/services/letter.server";
import { expandNotificationJob, savePreferences } from "../../app/services/notifications.server";
import { createPetition, openPetition } from "../../app/services/petition.server";
import { tellStory } from "../../app/services/stories.server";
import { reviewStory } from "../../app/services/story-moderation.server";
import type { NewStory } from "../../app/models/story.server";
import { createEvent, publishEvent } from "../../app/services/event.server";
import type { EventInput } from "../../app/events/forms";
import { endVotingTime, provisionMember, provisionOrganisation, provisionVote } from "../../app/services/provisioning.server";

/**
 * Builders for the tests: sensible defaults over the app's own provisioning and services, so built
 * data obeys the app's rules. Each call makes unique names and emails.
 */
let counter = 0;
export const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface MemberSpec {
  email?: string;
  displayName?: string;
  password?: string | null;
  roles?: CoalitionRole[];
  perspectives?: Perspective[];
  verified?: boolean;
}

/** A member who has joined; the password is "correct horse battery" unless given. */
export async function createMember(db: Database, spec: MemberSpec = {}) {
  return provisionMember(db, {
    ...spec,
    email: spec.email ?? `member-${unique()}@example.org`,
    displayName: spec.displayName ?? `Member ${unique()}`,
    password: spec.password === undefined ? "correct horse battery" : spec.password,
  });
}

export interface OrganisationSpec {
  name?: string;
  kind?: OrganisationKind;
  description?: string;
  website?: string | null;
  adminId: number;
  verified?: boolean;
  members?: Array<{ id: number; role?: "admin" | "member"; listed?: boolean }>;
}

export async function createOrganisation(db: Database, spec: OrganisationSpec) {
  return provisionOrganisation(db, {
    ...spec,
    name: spec.name ?? `Organisation ${unique()}`,
    kind: spec.kind ?? "charity",
    description: spec.description ?? "",
    website: spec.website ?? null,
    verified: spec.verified ?? true,
  });
}

export interface DemandSpec {
  authorId: number;
  title?: string;
  summary?: string;
  body?: string;
  easyRead?: string;
  topics?: Topic[];
  organisationId?: number | null;
}

const LOREM_BODY = `## What we want

Everyone leaving a mental health ward should have a safe, settled home to go to.

## Why

Discharge to no fixed address undoes the work of recovery and leads to readmission.

## What this means in practice

Councils and NHS trusts plan housing from the day someone is admitted, not the day they leave.`;

export async function createDemand(db: Database, spec: DemandSpec) {
  return proposeDemand(db, spec.authorId, {
    title: spec.title ?? `A demand ${unique()}`,
    summary: spec.summary ?? "A one-paragraph summary of what should change and why it matters to people.",
    body: spec.body ?? LOREM_BODY,
    easyRead: spec.easyRead ?? "People leaving hospital need a safe home. We want councils to plan homes early.",
    topics: spec.topics ?? ["housing"],
    organisationId: spec.organisationId ?? null,
  });
}

/** Moves a demand through consultation into voting, with the deadline `votingEndsAt`. */
export async function openDemandForVoting(db: Database, demandId: number, facilitatorId: number, options: { rule?: DecisionRule; quorum?: number | null; liveResults?: boolean; votingEndsAt?: Date } = {}) {
  await provisionVote(db, demandId, facilitatorId, {
    endsAt: options.votingEndsAt ?? new Date(Date.now() + 7 * 86_400_000),
    rule: options.rule ?? "simple_majority",
    quorum: options.quorum ?? null,
    liveResults: options.liveResults ?? false,
  });
}

/** Puts a vote's deadline in the past (as if time had passed), ready for closeVoting. */
export const expireVoting = endVotingTime;

/**
 * A running campaign led by `leadId`, started the way members start one: a demand of theirs adopted
 * by vote, then the campaign. Returns the campaign's id.
 */
export async function createRunningCampaign(db: Database, leadId: number, title = `A campaign ${unique()}`) {
  const admin = await createMember(db, { roles: ["admin"] });
  const demandId = await createDemand(db, { authorId: leadId });
  await openDemandForVoting(db, demandId, admin.id);
  await castVote(db, demandId, (await createMember(db)).id, { choice: "support", reason: null, reasonPublic: false });
  await expireVoting(db, demandId);
  await closeVoting(db, demandId);
  const started = await startCampaign(db, leadId, demandId, { title, pitch: "A pitch long enough for the campaign page.", ask: "An ask long enough for the campaign.", target: "Decision makers", endsOn: null }, []);
  if (!started.ok) throw new Error(started.reason);
  return started.id;
}

/** A member with a session: `cookie` is what their browser sends back. */
export async function signedInMember(db: Database, spec: MemberSpec = {}) {
  const member = await createMember(db, spec);
  const setCookie = await startSession(db, member.id, new Request("http://localhost/"));
  return { ...member, cookie: setCookie.split(";")[0]! };
}

/** An adopted demand of `authorId`'s: one vote in support under a simple majority, closed. */
export async function createAdoptedDemand(db: Database, authorId: number, spec: Omit<DemandSpec, "authorId"> = {}) {
  const admin = await createMember(db, { roles: ["admin"] });
  const id = await createDemand(db, { ...spec, authorId });
  await openDemandForVoting(db, id, admin.id);
  await castVote(db, id, (await createMember(db)).id, { choice: "support", reason: null, reasonPublic: false });
  await expireVoting(db, id);
  await closeVoting(db, id);
  return id;
}

export interface PetitionSpec {
  leadId: number;
  /** The campaign it belongs to; a new running campaign led by `leadId` when not given. */
  campaignId?: number;
  title?: string;
  goal?: number;
  closesAt?: Date | null;
  /** Open for signatures (the default), or left a draft. */
  open?: boolean;
}

/** A petition in a running campaign, open for signatures unless asked otherwise; its row as the app reads it. */
export async function createPetitionFor(db: Database, spec: PetitionSpec) {
  const campaignId = spec.campaignId ?? (await createRunningCampaign(db, spec.leadId));
  const made = await createPetition(db, campaignId, spec.leadId, {
    title: spec.title ?? `Crisis houses now ${unique()}`,
    ask: "Fund a crisis house in every region.",
    why: "Because people in crisis deserve better than a distant ward.",
    addressedTo: "The Minister for Care",
    goal: spec.goal ?? 1000,
    closesAt: spec.closesAt ?? null,
  });
  if (spec.open ?? true) await openPetition(db, made.id);
  return { campaignId, petition: (await getPetitionBySlug(db, made.slug))! };
}

/** A decision maker in the directory, covering postcode `areas` ("LS6", "M", "everywhere"). */
export async function createTarget(db: Database, actorId: number, spec: { name?: string; role?: TargetRole; areas: string; email?: string }) {
  const parsed = parseAreas(spec.areas);
  if (!parsed.ok) throw new Error(parsed.message);
  const email = spec.email ?? `target-${unique()}@example.org`;
  const { id } = await upsertTarget(db, { name: spec.name ?? `Target ${unique()}`, role: spec.role ?? "mp", body: "House of Commons", email, areas: parsed }, actorId);
  return { id, email };
}

export const LETTER_CAMPAIGN_FIELDS: LetterCampaignFields = {
  title: "Write to your MP about crisis houses",
  ask: "Support a crisis house in every region.",
  talkingPoints: "Crisis houses cost less than wards\nPeople recover closer to home",
  suggestedSubject: "Crisis houses",
  guidance: "Say what a calm place to go would have meant to you.",
  targetIds: [],
  ownRoles: ["mp"],
  hourlyCap: 20,
  windowDays: [1, 2, 3, 4, 5],
  windowStart: 8,
  windowEnd: 18,
  endsOn: null,
  testMode: false,
};

/** An open letter campaign (not in test mode) in a new running campaign led by a new member. */
export async function createOpenLetterCampaign(db: Database, fields: Partial<LetterCampaignFields> = {}) {
  const lead = await createMember(db);
  const campaignId = await createRunningCampaign(db, lead.id, "A campaign for letters");
  const made = await createLetterCampaign(db, campaignId, lead.id, { ...LETTER_CAMPAIGN_FIELDS, ...fields });
  await setLetterCampaignStatus(db, made.id, "open");
  return { lead, campaignId, lc: (await getLetterCampaign(db, made.id))! };
}

/** A member following `subject` ("demand:12", "topic:housing"), with these choices of how to hear of each kind. */
export async function createFollower(db: Database, subject: string, preferences: Partial<Record<NotificationKind, NotificationDelivery>> = {}) {
  const member = await createMember(db);
  await follow(db, subject, member.id);
  if (Object.keys(preferences).length) await savePreferences(db, member.id, preferences, false);
  return member;
}

/** Runs every notification fan-out still waiting, as the job worker would. */
export async function runFanOuts(db: Database) {
  const waiting = () => db.selectFrom("notification_event").select("id").where("expanded_at", "is", null).execute();
  for (let events = await waiting(); events.length; events = await waiting()) {
    for (const event of events) await expandNotificationJob(db, event.id);
  }
}

/** A story told by `tellerId` (public, under their display name, about `demandIds`), waiting for review. */
export async function createStory(db: Database, tellerId: number | null, spec: Partial<NewStory> = {}) {
  const told = await tellStory(db, {
    tellerId,
    title: `A story ${unique()}`,
    body: "When I left hospital I had nowhere to live. The council said it could not help until I was on the street.",
    easyRead: null,
    contentNotes: [],
    contentNoteDetail: null,
    topics: ["housing"],
    audience: "public",
    audienceCampaignIds: [],
    nameChoice: "display_name",
    firstName: null,
    organisationId: null,
    place: null,
    mayQuote: false,
    forResearch: false,
    demandIds: [],
    ...spec,
  });
  if (!told.ok) throw new Error(told.reason);
  return told.storyId;
}

/** A story told and published by a moderator, as createStory. */
export async function createPublishedStory(db: Database, tellerId: number | null, spec: Partial<NewStory> = {}) {
  const storyId = await createStory(db, tellerId, spec);
  const moderator = await createMember(db, { roles: ["moderator"] });
  const reviewed = await reviewStory(db, storyId, moderator.id, "published", null);
  if (!reviewed.ok) throw new Error(reviewed.reason);
  return storyId;
}

const HOUR = 3_600_000;

/** An event's details with sensible defaults: a public online meeting tomorrow, an hour and a half long. */
export function eventInput(spec: Partial<EventInput> = {}): EventInput {
  const startsAt = spec.startsAt ?? new Date(Date.now() + 24 * HOUR);
  return {
    host: "coalition",
    title: `An event ${unique()}`,
    purpose: "To plan the next stage of the campaign together.",
    audience: "Anyone with lived experience, and supporters.",
    kind: "meeting",
    format: "online",
    address: null,
    accessNotes: null,
    joinUrl: "https://meet.example.org/room-secret-123",
    region: null,
    timeZone: "Europe/London",
    capacity: null,
    visibility: "public",
    payment: null,
    travelExpenses: false,
    agenda: null,
    agendaEasyRead: null,
    ...spec,
    startsAt,
    endsAt: spec.endsAt ?? new Date(startsAt.getTime() + 1.5 * HOUR),
    closesAt: spec.closesAt ?? startsAt,
  };
}

/** A published event hosted by the coalition (a new coalition admin hosts it unless `hostId` is given). */
export async function createPublishedEvent(db: Database, spec: Partial<EventInput> = {}, hostId?: number) {
  const host = hostId ? { id: hostId, isAdmin: true, isModerator: false } : { ...(await createMember(db, { roles: ["admin"] })), isAdmin: true, isModerator: false };
  const created = await createEvent(db, host, eventInput(spec));
  if (!created.ok) throw new Error(created.reason);
  const published = await publishEvent(db, created.id);
  if (!published.ok) throw new Error(published.reason);
  return { eventId: created.id, hostId: host.id };
}
