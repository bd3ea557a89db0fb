import { addSupport } from "../app/models/amendment.server";
import { postComment } from "../app/services/discussion.server";
import { addDemandAuthor } from "../app/models/demand.server";
import { follow } from "../app/models/follow.server";
import { castVote, closeVoting, decideOnAmendment, endorseDemand, openConsultation, proposeAmendment, proposeDemand, saveDemandText, withdrawDemand } from "../app/services/demand.server";
import { endVotingTime, provisionMember, provisionOrganisation, provisionVote } from "../app/services/provisioning.server";
import { addCoOrganiser, endCampaign, postCampaignEntry, startCampaign } from "../app/services/campaign.server";
import { foldCountDeltas } from "../app/models/petition.server";
import { confirmSignature, createPetition, openPetition, signPetition } from "../app/services/petition.server";
import { announceMilestone } from "../app/services/campaign.server";
import { answerThroughLink, askAtThresholds, changeAskStatus, enterResponse, markUnansweredAsks, recordAsk } from "../app/services/accountability.server";
import { getLetterCampaign } from "../app/models/letter.server";
import { upsertTarget } from "../app/models/target.server";
import { confirmLetter, createLetterCampaign, dispatchDueLetters, recordReply, setLetterCampaignStatus, writeLetter } from "../app/services/letter.server";
import { fullPostcode, parseAreas } from "../app/letters/rules";
import { DEMO_ASKS, DEMO_CAMPAIGNS, DEMO_DEMANDS, DEMO_LETTER_CAMPAIGN, DEMO_LETTERS, DEMO_PETITION, DEMO_SOURCES, DEMO_STORIES, DEMO_TARGETS } from "./demo-content";
import { tellStory, withdrawStory } from "../app/services/stories.server";
import { reviewStory } from "../app/services/story-moderation.server";
import type { NewStory } from "../app/models/story.server";
import { decideOnSource, suggestSource } from "../app/services/evidence.server";
import type { Database } from "../db/index";
import { seedDemoEvents, seedDemoLobbyDay } from "./demo-events";
import type { DemoAccount } from "./seed";

/** The database counts as empty when no member exists. */
export async function isEmpty(db: Database) {
  const row = await db.selectFrom("member").select("id").limit(1).executeTakeFirst();
  return !row;
}

export const DEMO_PASSWORD = "chorus-demo-2026";

/**
 * A believable demo coalition: an admin, a moderator, members with each perspective (enough that
 * a breakdown by perspective shows groups of 5 or more), and three verified organisations plus one
 * waiting for verification.
 */
export async function seedDemoData(db: Database): Promise<DemoAccount[]> {
  const accounts = await seedPeople(db);
  await seedDemands(db);
  return accounts;
}

async function seedPeople(db: Database): Promise<DemoAccount[]> {
  return db.transaction().execute(async (trx) => {
    const password = DEMO_PASSWORD;
    await provisionMember(trx, { email: "admin@chorus.example", displayName: "Amara (coalition admin)", password, roles: ["admin"], perspectives: ["lived_experience", "researcher"] });
    await provisionMember(trx, { email: "moderator@chorus.example", displayName: "Joe (moderator)", password, roles: ["moderator"], perspectives: ["carer_family"] });
    const priya = await provisionMember(trx, { email: "priya@chorus.example", displayName: "Priya", password, perspectives: ["lived_experience"] });
    const tom = await provisionMember(trx, { email: "tom@chorus.example", displayName: "Tom (social worker)", password, perspectives: ["practitioner"] });
    const ruth = await provisionMember(trx, { email: "ruth@chorus.example", displayName: "Dr Ruth Okafor", password, perspectives: ["researcher", "practitioner"] });
    const sam = await provisionMember(trx, { email: "sam@chorus.example", displayName: "Sam", password, perspectives: ["supporter"] });

    // A wider membership so anonymous breakdowns have groups of 5 or more.
    const names = ["Aisha", "Ben", "Chloe", "Dev", "Ellie", "Farid", "Grace", "Hamza", "Isla", "Jamal", "Kofi", "Lena", "Marek", "Nia", "Owen", "Rosa", "Tariq", "Uma", "Wren", "Yusuf"];
    const cycle = ["lived_experience", "lived_experience", "carer_family", "practitioner", "supporter"] as const;
    const crowd = [];
    for (const [i, name] of names.entries()) {
      crowd.push(await provisionMember(trx, { email: `${name.toLowerCase()}@chorus.example`, displayName: name, password, perspectives: [cycle[i % cycle.length]!] }));
    }

    await provisionOrganisation(trx, {
      name: "Voices Together",
      kind: "service_user_led",
      description: "A user-led network of people with lived experience of mental distress, campaigning for support that starts from people's lives.",
      website: "https://voices-together.example",
      verified: true,
      adminId: priya.id,
      members: [{ id: priya.id, listed: true }, { id: sam.id, listed: true }, { id: crowd[0]!.id }],
    });
    await provisionOrganisation(trx, {
      name: "Association of Social Workers in Mental Health",
      kind: "professional_body",
      description: "The professional body for social workers in mental health services.",
      website: null,
      verified: true,
      adminId: tom.id,
      members: [{ id: tom.id, listed: true }, { id: crowd[3]!.id, listed: true }],
    });
    await provisionOrganisation(trx, {
      name: "Roots and Routes Trust",
      kind: "charity",
      description: "A charity working on housing, poverty and isolation as causes of mental distress.",
      website: null,
      verified: true,
      adminId: ruth.id,
      members: [{ id: ruth.id, listed: true }],
    });
    await provisionOrganisation(trx, {
      name: "Community Psychology Research Group",
      kind: "academic",
      description: "University researchers studying the social determinants of mental health.",
      website: null,
      adminId: sam.id,
      verified: false,
    });
    return [
      { role: "coalition admin", email: "admin@chorus.example", password },
      { role: "moderator", email: "moderator@chorus.example", password },
      { role: "organisation admin", email: "priya@chorus.example", password },
      { role: "member", email: "sam@chorus.example", password },
    ];
  });
}

async function seedDemands(db: Database) {
  const id = async (email: string) => (await db.selectFrom("member").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const org = async (slug: string) => (await db.selectFrom("organisation").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  const voters = await db.selectFrom("member").select("id").where("email", "like", "%@chorus.example").orderBy("id").execute();
  await seedDemoDemands(db, {
    admin: await id("admin@chorus.example"),
    priya: await id("priya@chorus.example"),
    sam: await id("sam@chorus.example"),
    tom: await id("tom@chorus.example"),
    ruth: await id("ruth@chorus.example"),
    voters: voters.map((v) => v.id),
    voicesTogether: await org("voices-together"),
    socialWorkers: await org("association-of-social-workers-in-mental-health"),
  });
}

interface DemoPeople {
  admin: number;
  priya: number;
  sam: number;
  tom: number;
  ruth: number;
  voters: number[];
  voicesTogether: number;
  socialWorkers: number;
}

type DemoDemandText = (typeof DEMO_DEMANDS)[keyof typeof DEMO_DEMANDS];
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000);

/** Proposes one of the demo's demands (its own text, easy read and topics) as a draft by `authorId`. */
function propose(db: Database, authorId: number, text: DemoDemandText, organisationId: number | null = null) {
  return proposeDemand(db, authorId, { title: text.title, summary: text.summary, body: text.body, easyRead: text.easyRead, topics: [...text.topics], organisationId });
}

/** One demand at each stage: a draft, a consultation with amendments and talk, a live vote, adopted, not adopted, withdrawn. */
async function seedDemoDemands(db: Database, people: DemoPeople) {
  // Sam follows topics and an organisation, so events below fill their notification centre (the
  // job worker expands them when the app starts).
  for (const subject of ["topic:housing", "topic:services", `organisation:${people.voicesTogether}`]) await follow(db, subject, people.sam);
  // A private draft.
  await propose(db, people.sam, DEMO_DEMANDS.peerSupport);

  // In consultation, with revisions, amendments and a discussion.
  const housing = await propose(db, people.priya, DEMO_DEMANDS.housingFirst, people.voicesTogether);
  await addDemandAuthor(db, housing, people.ruth);
  const text = DEMO_DEMANDS.housingFirst;
  await saveDemandText(db, housing, people.ruth, { title: text.title, summary: text.summary, body: text.body.replace("should have", "must have"), easyRead: text.easyRead }, "Stronger wording in the first paragraph");
  await openConsultation(db, housing, people.priya, new Date(Date.now() + 14 * 86_400_000));
  // The workshop where it was drafted, and the coming members' assembly.
  await seedDemoEvents(db, people, housing);
  const amendment = await proposeAmendment(db, housing, people.tom, {
    paragraphIndex: 1,
    proposedText: "Everyone leaving a mental health ward must have a safe, settled home to go to, chosen with them.",
    rationale: "Choice matters: a home people did not choose often does not last.",
  });
  if (amendment.ok) for (const v of people.voters.slice(6, 11)) await addSupport(db, amendment.id, v);
  const declined = await proposeAmendment(db, housing, people.sam, { paragraphIndex: null, proposedText: "Build more council homes.", rationale: "Simpler is better." });
  if (declined.ok) await decideOnAmendment(db, declined.id, people.priya, { accept: false, reason: "We want to keep the detail about planning from admission." });
  // Posted as members post them, so followers and the first comment's author are notified.
  const comment = async (authorId: number, body: string, parentId: number | null, contentNote: string | null = null) => {
    const { display_name } = await db.selectFrom("member").select("display_name").where("id", "=", authorId).executeTakeFirstOrThrow();
    return postComment(db, { id: authorId, displayName: display_name }, { demandId: housing, amendmentId: null, parentId, body, contentNote, url: `/demands/${housing}` });
  };
  const first = (await comment(people.tom, "As a social worker I see this every week. Discharge planning starts far too late.", null))!;
  await comment(people.priya, "Thank you. Would your association back this?", first);
  await comment(people.voters[7]!, "I was discharged to a hostel and was back on the ward within a month.", null, "mentions readmission and homelessness");
  await endorseDemand(db, housing, people.socialWorkers, "Social workers see the harm of unplanned discharge every day.", people.tom);
  await seedEvidence(db, housing, { authors: [DEMO_SOURCES.housingStudy], accepted: [[people.tom, DEMO_SOURCES.housingSurvey]], waiting: [[people.sam, DEMO_SOURCES.housingStatistics]] });

  // Voting now, under the lived-experience double majority.
  const sanctions = await propose(db, people.priya, DEMO_DEMANDS.sanctions);
  await provisionVote(db, sanctions, people.admin, { endsAt: inAWeek(), rule: "lived_experience_double_majority", quorum: 10, liveResults: true });
  for (const [i, v] of people.voters.slice(0, 9).entries()) await castVote(db, sanctions, v, { choice: i % 4 === 3 ? "oppose" : "support", reason: null, reasonPublic: false });

  // Adopted, with a breakdown that shows groups of 5 or more.
  const crisis = await propose(db, people.ruth, DEMO_DEMANDS.crisisHouses);
  await provisionVote(db, crisis, people.admin, { endsAt: inAWeek(), rule: "simple_majority", quorum: 10, liveResults: false });
  for (const [i, v] of people.voters.entries()) {
    await castVote(db, crisis, v, { choice: i % 5 === 4 ? "oppose" : i % 7 === 6 ? "abstain" : "support", reason: i === 2 ? "Crisis houses kept me out of hospital." : null, reasonPublic: i === 2 });
  }
  await endVotingTime(db, crisis);
  await closeVoting(db, crisis);
  await endorseDemand(db, crisis, people.voicesTogether, "Our members helped design the first crisis houses. They work.", people.priya);
  await seedCrisisCampaign(db, crisis, people);
  await seedEvidence(db, crisis, { authors: [DEMO_SOURCES.crisisInquiry, DEMO_SOURCES.crisisResearch], accepted: [], waiting: [] });

  // Not adopted: two thirds needed, not reached.
  const tribunal = await propose(db, people.tom, DEMO_DEMANDS.tribunals);
  await provisionVote(db, tribunal, people.admin, { endsAt: inAWeek(), rule: "two_thirds", quorum: null, liveResults: false });
  for (const [i, v] of people.voters.slice(0, 15).entries()) await castVote(db, tribunal, v, { choice: i % 2 === 0 ? "support" : "oppose", reason: null, reasonPublic: false });
  await endVotingTime(db, tribunal);
  await closeVoting(db, tribunal);

  // Adopted, campaigned for, and won.
  const advocacy = await propose(db, people.priya, DEMO_DEMANDS.advocacy);
  await provisionVote(db, advocacy, people.admin, { endsAt: inAWeek(), rule: "lived_experience_double_majority", quorum: null, liveResults: false });
  for (const [i, v] of people.voters.entries()) await castVote(db, advocacy, v, { choice: i % 6 === 5 ? "abstain" : "support", reason: null, reasonPublic: false });
  await endVotingTime(db, advocacy);
  await closeVoting(db, advocacy);
  await seedWonCampaign(db, advocacy, people);
  for (const campaign of await db.selectFrom("campaign").select("id").execute()) await follow(db, `campaign:${campaign.id}`, people.sam);

  // Adopted and waiting for someone to start their campaigns.
  for (const [text, author] of [
    [DEMO_DEMANDS.outOfArea, people.tom],
    [DEMO_DEMANDS.welfareRights, people.ruth],
  ] as const) {
    const id = await propose(db, author, text);
    await provisionVote(db, id, people.admin, { endsAt: inAWeek(), rule: "simple_majority", quorum: null, liveResults: false });
    for (const [i, v] of people.voters.slice(0, 12).entries()) await castVote(db, id, v, { choice: i % 4 === 3 ? "oppose" : "support", reason: null, reasonPublic: false });
    await endVotingTime(db, id);
    await closeVoting(db, id);
  }

  // Withdrawn by its author.
  const withdrawn = await propose(db, people.sam, DEMO_DEMANDS.wellbeingApp);
  await openConsultation(db, withdrawn, people.sam, new Date(Date.now() + 7 * 86_400_000));
  await withdrawDemand(db, withdrawn, people.sam, "The discussion convinced me an app is not the social approach we want.");

  await seedStories(db, people, { housing, sanctions, crisis, advocacy });
}

type DemoSource = (typeof DEMO_SOURCES)[keyof typeof DEMO_SOURCES];

/**
 * Evidence as members add it: the demand's lead author's own sources (numbered at once), members'
 * suggestions the lead author accepted, and suggestions still waiting for the authors.
 */
async function seedEvidence(db: Database, demandId: number, sources: { authors: DemoSource[]; accepted: Array<[number, DemoSource]>; waiting: Array<[number, DemoSource]> }) {
  const lead = await db.selectFrom("demand_author").select("member_id").where("demand_id", "=", demandId).where("lead", "=", true).executeTakeFirstOrThrow();
  const as = async (memberId: number) => ({ id: memberId, displayName: (await db.selectFrom("member").select("display_name").where("id", "=", memberId).executeTakeFirstOrThrow()).display_name });
  for (const source of sources.authors) await suggestSource(db, demandId, await as(lead.member_id), source);
  for (const [memberId, source] of sources.accepted) {
    await suggestSource(db, demandId, await as(memberId), source);
    const row = await db.selectFrom("demand_source").select("id").where("demand_id", "=", demandId).where("title", "=", source.title).executeTakeFirstOrThrow();
    await decideOnSource(db, demandId, row.id, lead.member_id, { accept: true });
  }
  for (const [memberId, source] of sources.waiting) await suggestSource(db, demandId, await as(memberId), source);
}

type DemoStory = (typeof DEMO_STORIES)[keyof typeof DEMO_STORIES];

/**
 * Stories told as members tell them (waiting for review) and published by the demo moderator, at
 * each consent level; one left waiting and one withdrawn by its teller after it was published.
 */
async function seedStories(db: Database, people: DemoPeople, demands: { housing: number; sanctions: number; crisis: number; advocacy: number }) {
  const member = async (email: string) => (await db.selectFrom("member").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const moderator = await member("moderator@chorus.example");
  const tell = async (tellerId: number, story: DemoStory, consents: Partial<NewStory>, publish = true) => {
    const told = await tellStory(db, {
      tellerId,
      title: story.title,
      body: story.body,
      easyRead: "easyRead" in story ? story.easyRead : null,
      contentNotes: "contentNotes" in story ? [...story.contentNotes] : [],
      contentNoteDetail: null,
      topics: [...story.topics],
      audience: "public",
      audienceCampaignIds: [],
      nameChoice: "display_name",
      firstName: null,
      organisationId: null,
      place: null,
      mayQuote: false,
      forResearch: false,
      demandIds: [],
      ...consents,
    });
    if (!told.ok) throw new Error(told.reason);
    if (publish) {
      const reviewed = await reviewStory(db, told.storyId, moderator, "published", null);
      if (!reviewed.ok) throw new Error(reviewed.reason);
    }
    return told.storyId;
  };
  await tell(await member("lena@chorus.example"), DEMO_STORIES.withdrawn, { demandIds: [demands.housing] });
  await tell(await member("hamza@chorus.example"), DEMO_STORIES.membersOnly, { audience: "members", demandIds: [demands.housing] });
  await tell(await member("isla@chorus.example"), DEMO_STORIES.leeds, { nameChoice: "place", place: "Leeds", demandIds: [demands.sanctions], forResearch: true });
  await tell(people.priya, DEMO_STORIES.organisation, { nameChoice: "organisation", organisationId: people.voicesTogether, demandIds: [demands.housing] });
  await tell(await member("jamal@chorus.example"), DEMO_STORIES.contentNote, { nameChoice: "first_name", firstName: "Jamal", demandIds: [demands.advocacy], mayQuote: true });
  await tell(await member("kofi@chorus.example"), DEMO_STORIES.easyRead, { demandIds: [demands.housing] });
  // Quotable, on the running campaign's demand: the one its organisers can carry to the minister.
  await tell(await member("grace@chorus.example"), DEMO_STORIES.crisisHouse, { demandIds: [demands.crisis], mayQuote: true, forResearch: true });
  await tell(people.sam, DEMO_STORIES.waiting, { demandIds: [demands.housing] }, false);
  const withdrawn = await db.selectFrom("story").select(["id", "teller_id"]).where("title", "=", DEMO_STORIES.withdrawn.title).executeTakeFirstOrThrow();
  const result = await withdrawStory(db, withdrawn.id, withdrawn.teller_id);
  if (!result.ok) throw new Error(result.reason);
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const daysAgoAt = (n: number) => new Date(Date.now() - n * 86_400_000);

/** A running campaign: a co-organiser for an organisation, a partner, updates and a milestone. */
async function seedCrisisCampaign(db: Database, demandId: number, people: DemoPeople) {
  const started = await startCampaign(db, people.ruth, demandId, { ...DEMO_CAMPAIGNS.crisisHouses, endsOn: `${new Date().getFullYear() + 1}-12-31` }, [people.voicesTogether]);
  if (!started.ok) throw new Error(started.reason);
  await addCoOrganiser(db, started.id, people.priya, people.voicesTogether);
  await postCampaignEntry(db, started.id, people.ruth, {
    kind: "update",
    title: "Our briefing for integrated care boards is out",
    body: "We have written to every integrated care board chair with our briefing on crisis houses, including costs and what people who used them told us.\n\n- 42 boards written to\n- 6 replies so far",
    link: null,
    happenedOn: daysAgo(20),
  });
  await postCampaignEntry(db, started.id, people.priya, {
    kind: "meeting_held",
    title: "Met the Minister for Care's advisers",
    body: "Three members with lived experience of crisis houses spoke about what made the difference. The advisers asked for costings by region.",
    link: null,
    happenedOn: daysAgo(9),
  });
  await postCampaignEntry(db, started.id, people.ruth, { kind: "update", title: "Costings by region sent", body: "We sent the costings the advisers asked for.", link: null, happenedOn: daysAgo(2) });

  const targets = await seedTargets(db, people);
  const minister = targets.get("Minister for Care")!;

  // An open petition addressed to the minister, whose confirmed signatures (confirmed the way signers
  // do) have passed its response threshold: the count fold asked the minister, who has not answered yet.
  const petition = await createPetition(db, started.id, people.ruth, { ...DEMO_PETITION, closesAt: null, targetIds: [minister], ...DEMO_ASKS.petitionThresholds });
  await openPetition(db, petition.id);
  const signers: Array<readonly [string, string | null, boolean, boolean]> = [
    ["Aisha", "LS6", true, true],
    ["Ben", "M1", false, false],
    ["Chloe", "BS3", true, true],
    ["Dev", null, false, false],
    ["Ellie", "EH7", true, false],
  ];
  for (let i = 1; signers.length < DEMO_ASKS.petitionSigners; i++) signers.push([`Supporter ${i}`, null, false, i % 3 === 0]);
  for (const [name, area, show, news] of signers) {
    const email = `${name.toLowerCase().replace(/ /g, "-")}.signer@example.org`;
    await signPetition(db, { id: petition.id, slug: petition.slug, title: DEMO_PETITION.title }, { name, email, outwardCode: area, showName: show, campaignConsent: news });
    const row = await db.selectFrom("email").select("props").where("template", "=", "ConfirmSignature").where("to_address", "=", email).orderBy("id", "desc").executeTakeFirstOrThrow();
    await confirmSignature(db, petition.id, String((row.props as { confirmUrl: string }).confirmUrl).split("/").pop()!);
  }
  await foldCountDeltas(db, undefined, announceMilestone, askAtThresholds);
  await seedLetters(db, started.id, targets, people);
  await seedCrisisAsks(db, started.id, targets, people);
  await seedDemoLobbyDay(db, people, started.id, [...targets.values()]);
}

/** The fictional decision makers in the directory, by name. */
async function seedTargets(db: Database, people: DemoPeople) {
  const ids = new Map<string, number>();
  for (const t of DEMO_TARGETS) {
    const areas = parseAreas(t.areas);
    if (!areas.ok) throw new Error(areas.message);
    ids.set(t.name, (await upsertTarget(db, { ...t, areas }, people.admin)).id);
  }
  return ids;
}

/** The link an ask's decision maker was emailed, as they would follow it from the outbox. */
async function responseToken(db: Database, askId: number) {
  const mail = await db.selectFrom("email").select("props").where("template", "=", "AskForResponse").where("idempotency_key", "like", `ask:${askId}:link:%`).orderBy("id", "desc").executeTakeFirstOrThrow();
  return String((mail.props as { respondUrl: string }).respondUrl).split("/respond/").pop()!;
}

/**
 * The running campaign's accountability record: the minister answered through their link with a
 * partial commitment, since followed by a progress step; the integrated care board was asked 40
 * days ago, never answered, and the 30-day sweep marked it "no response".
 */
async function seedCrisisAsks(db: Database, campaignId: number, targets: Map<string, number>, people: DemoPeople) {
  const { ministerMeeting, boardLetter } = DEMO_ASKS;
  const asked = await recordAsk(db, people.ruth, campaignId, { targetId: targets.get("Minister for Care")!, request: ministerMeeting.request, channel: "meeting", letterCampaignId: null, petitionId: null, link: null, askedOn: daysAgo(9), sendLink: true }, daysAgoAt(9));
  if (!asked.ok) throw new Error(asked.reason);
  const answered = await answerThroughLink(db, await responseToken(db, asked.id), { body: ministerMeeting.response, position: "commit" }, daysAgoAt(5));
  if (!answered.ok) throw new Error(answered.reason);
  await changeAskStatus(db, people.ruth, asked.id, { status: "committed", summary: ministerMeeting.progress, happenedOn: daysAgo(1) });

  const board = await recordAsk(db, people.priya, campaignId, { targetId: targets.get("NHS West Yorkshire Integrated Care Board")!, request: boardLetter.request, channel: "other", letterCampaignId: null, petitionId: null, link: null, askedOn: daysAgo(40), sendLink: true }, daysAgoAt(40));
  if (!board.ok) throw new Error(board.reason);
  await markUnansweredAsks(db);
}

/**
 * Decision makers, and a letter campaign with letters sent last Monday (paced as the dispatcher
 * paces them), one reply summary to publish, and one near-copy held for an organiser.
 */
async function seedLetters(db: Database, campaignId: number, ids: Map<string, number>, people: DemoPeople) {
  const lc = await createLetterCampaign(db, campaignId, people.ruth, {
    ...DEMO_LETTER_CAMPAIGN,
    targetIds: [ids.get("Minister for Care")!],
    ownRoles: ["mp"],
    hourlyCap: 20,
    windowDays: [1, 2, 3, 4, 5],
    windowStart: 8,
    windowEnd: 18,
    endsOn: null,
    testMode: false,
  });
  await setLetterCampaignStatus(db, lc.id, "open");
  const row = (await getLetterCampaign(db, lc.id))!;
  // Every other writer asked for news of responses, so the minister's answer below reaches them.
  let written = 0;
  const write = async (letter: { name: string; postcode: string; personal: string }, email: string) => {
    const pc = fullPostcode(letter.postcode)!;
    await writeLetter(db, row, { subject: DEMO_LETTER_CAMPAIGN.suggestedSubject, opening: "I am writing as your constituent to ask you to back a community crisis house in every region.", personal: letter.personal, name: letter.name, postcode: pc.postcode, email, outward: pc.outward, area: pc.area, campaignConsent: written++ % 2 === 0 });
    const mail = await db.selectFrom("email").select("props").where("template", "=", "ConfirmLetter").where("to_address", "=", email).orderBy("id", "desc").executeTakeFirstOrThrow();
    await confirmLetter(db, lc.id, String((mail.props as { confirmUrl: string }).confirmUrl).split("/").pop()!);
  };
  for (const letter of DEMO_LETTERS) await write(letter, `${letter.name.split(" ")[0]!.toLowerCase()}.writer@example.org`);
  // Last Monday at 10:00 UTC: inside the weekday window, whatever day the demo is started.
  const monday = new Date();
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7 || 7));
  monday.setUTCHours(10, 0, 0, 0);
  await dispatchDueLetters(db, monday);
  const firstToMinister = await db.selectFrom("letter_message").select("id").where("letter_campaign_id", "=", lc.id).where("target_id", "=", ids.get("Minister for Care")!).orderBy("id").executeTakeFirstOrThrow();
  await recordReply(db, firstToMinister.id, { outcome: "unsatisfactory", summary: "A standard reply saying crisis care is a matter for local systems.", mayPublish: true });
  // A near-copy of the first letter: held for an organiser to read.
  await write({ ...DEMO_LETTERS[0], name: "Eve Jones", personal: DEMO_LETTERS[0].personal.replace("sister", "brother") }, "eve.writer@example.org");
}

/** A won campaign, ended with the government's response. */
async function seedWonCampaign(db: Database, demandId: number, people: DemoPeople) {
  const started = await startCampaign(db, people.priya, demandId, { ...DEMO_CAMPAIGNS.advocacy, endsOn: null }, []);
  if (!started.ok) throw new Error(started.reason);
  await postCampaignEntry(db, started.id, people.priya, { kind: "petition_delivered", title: "Petition delivered to the Department of Health", body: "", link: null, happenedOn: daysAgo(40) });
  // The ask made when the petition was delivered: the minister committed in writing, then delivered.
  const minister = (await db.selectFrom("target").select("id").where("email_normalised", "=", "minister.care@example.org").executeTakeFirstOrThrow()).id;
  const { advocacy } = DEMO_ASKS;
  const asked = await recordAsk(db, people.priya, started.id, { targetId: minister, request: advocacy.request, channel: "petition", letterCampaignId: null, petitionId: null, link: null, askedOn: daysAgo(40), sendLink: false }, daysAgoAt(40));
  if (!asked.ok) throw new Error(asked.reason);
  await enterResponse(db, people.priya, asked.id, { body: advocacy.response, responder: "Minister for Care", source: "letter to the campaign", receivedOn: daysAgo(12), status: "committed", summary: advocacy.committed });
  await changeAskStatus(db, people.priya, asked.id, { status: "delivered", summary: advocacy.delivered, happenedOn: daysAgo(2) });
  await postCampaignEntry(db, started.id, people.priya, {
    kind: "response_received",
    title: "The government will table an opt-out amendment",
    body: "The minister wrote to say the government will amend the Mental Health Bill so that advocacy is offered automatically.",
    link: "https://www.gov.uk/",
    happenedOn: daysAgo(12),
  });
  await endCampaign(db, started.id, people.priya, "won", { title: "Opt-out advocacy is in the Bill", body: "The amendment passed. Thank you to everyone who wrote, signed and spoke up.", link: null });
}
