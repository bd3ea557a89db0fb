import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { fullPostcode } from "../../app/letters/rules";
import { startSession } from "../../app/members/session.server";
import { foldCountDeltas } from "../../app/models/petition.server";
import { loader as adminLoader } from "../../app/routes/admin._index";
import { loader as homeLoader } from "../../app/routes/_index";
import { loader as petitionsLoader } from "../../app/routes/petitions._index";
import { endCampaign } from "../../app/services/campaign.server";
import { postComment, reportCommentToModerators } from "../../app/services/discussion.server";
import { confirmLetter, writeLetter } from "../../app/services/letter.server";
import { closePetition, confirmSignature, signPetition } from "../../app/services/petition.server";
import {
  createDemand,
  createMember,
  createOpenLetterCampaign,
  createOrganisation,
  createPetitionFor,
  createRunningCampaign,
  createStory,
  createTarget,
  expireVoting,
  openDemandForVoting,
  signedInMember,
  unique,
} from "../support/builders";
import { call, latestEmail, request } from "./http";

const DAY = 86_400_000;

/** A confirmed signature, folded into the petition's count as the worker would. */
async function confirmedSignature(petition: { id: number; slug: string; title: string }) {
  const email = `signer-${unique()}@example.org`;
  await signPetition(db, petition, { name: "Sam Signer", email, outwardCode: null, showName: false, campaignConsent: false });
  const mail = (await latestEmail(db, email, "ConfirmSignature"))!.props as { confirmUrl: string };
  await confirmSignature(db, petition.id, mail.confirmUrl.split("/").pop()!);
  while ((await foldCountDeltas(db)) > 0);
}

const PERSONAL = "My brother waited three days for a bed. I spent a long night in A&E because there was nowhere calmer to go, and what he needed was a quiet room and someone to talk to.";

/** A letter written and confirmed by a supporter, as from the letter page and the emailed link. */
async function confirmedLetter(lc: Awaited<ReturnType<typeof createOpenLetterCampaign>>["lc"], personal: string) {
  const pc = fullPostcode("BD1 1AA")!;
  const email = `writer-${unique()}@example.org`;
  await writeLetter(db, lc, { subject: "Crisis houses", opening: "I am writing as your constituent.", personal, name: "Sam Writer", postcode: pc.postcode, email, outward: pc.outward, area: pc.area });
  const mail = (await latestEmail(db, email, "ConfirmLetter"))!.props as { confirmUrl: string };
  return confirmLetter(db, lc.id, mail.confirmUrl.split("/").pop()!);
}

/** A running letter campaign with one near-copy letter held for its organisers, and an open petition. */
async function campaignWithHeldLetter() {
  const actor = await createMember(db);
  const mp = await createTarget(db, actor.id, { areas: "BD" });
  const { lead, campaignId, lc } = await createOpenLetterCampaign(db, { ownRoles: [], targetIds: [mp.id] });
  await confirmedLetter(lc, PERSONAL);
  expect(await confirmedLetter(lc, PERSONAL.replace("brother", "sister").replace("he needed", "she needed"))).toMatchObject({ ok: true, held: 1 });
  const { petition } = await createPetitionFor(db, { leadId: lead.id, campaignId, title: `Crisis houses petition ${unique()}` });
  await confirmedSignature(petition);
  return { lead, campaignId, lc, petition };
}

const cookieFor = async (memberId: number) => (await startSession(db, memberId, new Request("http://localhost/"))).split(";")[0]!;

describe("the home page, signed out", () => {
  it("shows an open vote, a petition to sign with its count, a running campaign and a win, and nothing private or over", async () => {
    const lead = await createMember(db);
    const facilitator = await createMember(db, { roles: ["admin"] });
    const { petition, campaignId } = await createPetitionFor(db, { leadId: lead.id, title: "Crisis houses in every county", closesAt: new Date(Date.now() + 14 * DAY) });
    await confirmedSignature(petition);
    await confirmedSignature(petition);
    const draft = await createPetitionFor(db, { leadId: lead.id, campaignId, title: "A petition still in draft", open: false });
    const closed = await createPetitionFor(db, { leadId: lead.id, campaignId, title: "A petition already closed" });
    await closePetition(db, closed.petition.id);

    const voting = await createDemand(db, { authorId: lead.id, title: "Peer support in every A&E" });
    await openDemandForVoting(db, voting, facilitator.id);
    const overdue = await createDemand(db, { authorId: lead.id, title: "A vote whose deadline has passed" });
    await openDemandForVoting(db, overdue, facilitator.id);
    await expireVoting(db, overdue);
    await createDemand(db, { authorId: lead.id, title: "A private draft demand" });

    const wonId = await createRunningCampaign(db, lead.id, "Advocacy by right");
    expect(await endCampaign(db, wonId, lead.id, "won", { title: "Opt-out advocacy is in the Bill", body: "", link: null })).toBeTruthy();

    const page = await call(homeLoader, request("/"));
    expect(page.status).toBe(200);
    const { now } = page.data;
    expect(now.votes.map((v: { id: number }) => v.id)).toEqual([voting]);
    expect(now.petitions).toEqual([expect.objectContaining({ slug: petition.slug, title: "Crisis houses in every county", signature_count: 2, goal: 1000 })]);
    expect(now.campaigns.map((c: { id: number }) => c.id)).toContain(campaignId);
    expect(now.campaigns.map((c: { id: number }) => c.id)).not.toContain(wonId);
    expect(now.wins).toContainEqual(expect.objectContaining({ kind: "campaign_won", id: wonId, title: "Advocacy by right" }));
    expect(now.wins.some((w: { kind: string }) => w.kind === "demand_adopted")).toBe(true);
    expect(now.votes.length + now.petitions.length + now.campaigns.length + now.wins.length).toBeLessThanOrEqual(16);

    const everything = JSON.stringify(page.data);
    for (const hidden of ["A petition still in draft", "A petition already closed", "A private draft demand", "A vote whose deadline has passed", draft.petition.slug]) {
      expect(everything).not.toContain(hidden);
    }
  });

  it("links to the list of every open petition, page by page, without drafts", async () => {
    const lead = await createMember(db);
    const { petition, campaignId } = await createPetitionFor(db, { leadId: lead.id, title: "A petition on the full list" });
    await createPetitionFor(db, { leadId: lead.id, campaignId, title: "A draft not on the full list", open: false });
    const list = await call(petitionsLoader, request("/petitions"));
    expect(list.data.petitions).toContainEqual(expect.objectContaining({ slug: petition.slug, campaign_id: campaignId }));
    expect(JSON.stringify(list.data)).not.toContain("A draft not on the full list");
    const far = await call(petitionsLoader, request("/petitions?page=400"));
    expect(far.data).toMatchObject({ petitions: [], hasMore: false, page: 400 });
  });
});

describe("the home page, signed in", () => {
  it("shows an organiser their running campaigns with each petition's count and the letters held for their review", async () => {
    const { lead, campaignId, lc, petition } = await campaignWithHeldLetter();
    const page = await call(homeLoader, request("/", { cookie: await cookieFor(lead.id) }));
    expect(page.data.waiting).toBeNull();
    expect(page.data.campaigns).toEqual([
      {
        id: campaignId,
        title: "A campaign for letters",
        heldLetters: [{ slug: lc.slug, title: lc.title, held: 1 }],
        petitions: [{ slug: petition.slug, title: petition.title, status: "open", signatures: 1, goal: 1000 }],
      },
    ]);

    // Once the campaign is over, its organisers can no longer decide, so it leaves their home page.
    await endCampaign(db, campaignId, lead.id, "closed", { title: "Closed", body: "", link: null });
    expect((await call(homeLoader, request("/", { cookie: await cookieFor(lead.id) }))).data.campaigns).toEqual([]);
  });

  it("shows coalition admins what waits for verification, moderation and letter review, here and on the admin overview; moderators only reported comments and stories waiting", async () => {
    const { lc } = await campaignWithHeldLetter();
    const founder = await createMember(db);
    await createOrganisation(db, { adminId: founder.id, verified: false });
    await createOrganisation(db, { adminId: founder.id, verified: false });
    await createOrganisation(db, { adminId: founder.id, verified: true });
    const demand = await createDemand(db, { authorId: founder.id });
    const commentId = await postComment(db, { id: founder.id, displayName: "Founder" }, { demandId: demand, amendmentId: null, parentId: null, body: "A comment someone reports.", contentNote: null, url: "/" });
    await reportCommentToModerators(db, commentId!, (await createMember(db)).id, { category: "harassment", details: "Unkind" });
    await createStory(db, founder.id);

    const admin = await signedInMember(db, { roles: ["admin"] });
    const expected = { organisations: 2, comments: 1, stories: 1, heldLetters: [expect.objectContaining({ slug: lc.slug, held: 1, campaignTitle: "A campaign for letters" })] };
    expect((await call(homeLoader, request("/", { cookie: admin.cookie }))).data.waiting).toEqual(expected);
    expect((await call(adminLoader, request("/admin", { cookie: admin.cookie }))).data.waiting).toEqual(expected);

    const moderator = await signedInMember(db, { roles: ["moderator"] });
    const onlyReports = { organisations: null, comments: 1, stories: 1, heldLetters: null };
    expect((await call(homeLoader, request("/", { cookie: moderator.cookie }))).data.waiting).toEqual(onlyReports);
    expect((await call(adminLoader, request("/admin", { cookie: moderator.cookie }))).data.waiting).toEqual(onlyReports);
  });

  it("shows a plain member none of the organiser's or the coalition team's counts, and keeps them out of /admin", async () => {
    await campaignWithHeldLetter();
    const member = await signedInMember(db);
    const page = await call(homeLoader, request("/", { cookie: member.cookie }));
    expect(page.data).toMatchObject({ waiting: null, campaigns: [] });
    expect(JSON.stringify(page.data)).not.toMatch(/held/i);
    expect((await call(adminLoader, request("/admin", { cookie: member.cookie }))).status).toBe(403);
    expect((await call(adminLoader, request("/admin"))).status).toBe(302);
  });
});
