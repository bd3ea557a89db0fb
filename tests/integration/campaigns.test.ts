import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { createAdoptedDemand, createMember, createOrganisation, signedInMember } from "../support/builders";
import { upsertEndorsement } from "../../app/models/demand.server";
import { startCampaign } from "../../app/services/campaign.server";
import { action as newAction, loader as newLoader } from "../../app/routes/campaigns.new";
import { loader as pageLoader } from "../../app/routes/campaigns.$id";
import { action as manageAction, loader as manageLoader } from "../../app/routes/campaigns.$id_.manage/route";
import { loader as dashboardLoader } from "../../app/routes/campaigns.$id_.dashboard";
import { loader as listLoader } from "../../app/routes/campaigns._index";
import { loader as overviewLoader } from "../../app/routes/admin.campaigns";
import { loader as demandLoader } from "../../app/routes/demands.$id/route";
import { call, request } from "./http";

const FIELDS = {
  title: "Homes from day one",
  pitch: "Nobody should leave a ward with nowhere to live. Plan homes from admission.",
  ask: "Every council and NHS trust plans housing from the day someone is admitted.",
  target: "Council leaders and NHS trust chief executives",
};
const stageOf = async (id: number) => (await db.selectFrom("demand").select("stage").where("id", "=", id).executeTakeFirstOrThrow()).stage;

describe("starting a campaign", () => {
  it("is for an adopted demand's authors and coalition admins, once; the demand moves to campaigning in its log", async () => {
    const author = await signedInMember(db);
    const stranger = await signedInMember(db);
    const demandId = await createAdoptedDemand(db, author.id);
    const url = `/campaigns/new?demand=${demandId}`;
    expect((await call(newLoader, request(url, { cookie: stranger.cookie }))).status).toBe(403);
    expect((await call(newAction, request(url, { form: FIELDS, cookie: stranger.cookie }))).status).toBe(403);
    expect((await call(newLoader, request(url))).status).toBe(302);
    expect((await call(demandLoader, request(`/demands/${demandId}`, { cookie: author.cookie }), { id: String(demandId) })).data.canStartCampaign).toBe(true);

    const invalid = await call(newAction, request(url, { form: { ...FIELDS, title: "", endsOn: "2027-02-31" }, cookie: author.cookie }));
    expect(invalid.data.errors).toMatchObject({ title: "Enter a title", endsOn: "Enter a real date, for example 27 3 2027" });
    expect(invalid.data.values.pitch).toBe(FIELDS.pitch);

    const started = await call(newAction, request(url, { form: { ...FIELDS, endsOn: "2027-12-31" }, cookie: author.cookie }));
    expect(started.status).toBe(302);
    const campaignId = Number(started.location!.split("/").pop());
    expect(await stageOf(demandId)).toBe("campaigning");
    const log = await db.selectFrom("demand_event").select(["from_stage", "to_stage", "actor_id"]).where("demand_id", "=", demandId).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(log).toEqual({ from_stage: "adopted", to_stage: "campaigning", actor_id: author.id });
    const organisers = await db.selectFrom("campaign_organiser").select(["member_id", "lead"]).where("campaign_id", "=", campaignId).execute();
    expect(organisers).toEqual([{ member_id: author.id, lead: true }]);
    // Only once: the page is gone for the author, and the demand links to the campaign instead.
    expect((await call(newLoader, request(url, { cookie: author.cookie }))).status).toBe(403);
    expect((await call(demandLoader, request(`/demands/${demandId}`), { id: String(demandId) })).data.campaign).toEqual({ id: campaignId, title: FIELDS.title });
  });

  it("lets only one of two racing starts succeed, and lists only verified endorsing organisations as partners", async () => {
    const author = await createMember(db);
    const demandId = await createAdoptedDemand(db, author.id);
    const endorser = await createOrganisation(db, { adminId: author.id });
    const unverified = await createOrganisation(db, { adminId: author.id, verified: false });
    const bystander = await createOrganisation(db, { adminId: author.id });
    await upsertEndorsement(db, demandId, endorser.id, "We back this demand fully.", author.id);
    await upsertEndorsement(db, demandId, unverified.id, "We back this demand too.", author.id);
    const admin = await createMember(db, { roles: ["admin"] });
    const fields = { ...FIELDS, endsOn: null };
    const results = await Promise.all([startCampaign(db, author.id, demandId, fields, [endorser.id, unverified.id, bystander.id]), startCampaign(db, admin.id, demandId, fields, [])]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.selectFrom("campaign").select("id").where("demand_id", "=", demandId).execute()).toHaveLength(1);
    const winner = results.find((r) => r.ok)!;
    if (!winner.ok) throw new Error("no winner");
    const partners = await db.selectFrom("campaign_partner").select("organisation_id").where("campaign_id", "=", winner.id).execute();
    expect(partners.map((p) => p.organisation_id)).toEqual(results[0]!.ok ? [endorser.id] : []);
  });
});

describe("running a campaign", () => {
  it("lets organisers and admins (not others) post, add co-organisers and end it; the public page and figures follow", async () => {
    const lead = await signedInMember(db, { displayName: "Lead Organiser" });
    const demandId = await createAdoptedDemand(db, lead.id, { topics: ["work"] });
    const started = await startCampaign(db, lead.id, demandId, { ...FIELDS, endsOn: null }, []);
    if (!started.ok) throw new Error(started.reason);
    const id = started.id;
    const p = { id: String(id) };
    const manage = `/campaigns/${id}/manage`;
    const stranger = await signedInMember(db);
    const admin = await signedInMember(db, { roles: ["admin"] });
    expect((await call(manageLoader, request(manage, { cookie: stranger.cookie }), p)).status).toBe(403);
    expect((await call(manageAction, request(manage, { form: { intent: "entry", kind: "update", headline: "Sneaky", happenedOn: "2026-11-01" }, cookie: stranger.cookie }), p)).status).toBe(403);
    expect((await call(dashboardLoader, request(`/campaigns/${id}/dashboard`, { cookie: stranger.cookie }), p)).status).toBe(403);
    expect((await call(manageLoader, request(manage, { cookie: admin.cookie }), p)).status).toBe(200);

    // A co-organiser, found by name, acting for an organisation they belong to (and not one they do not).
    const helper = await signedInMember(db, { displayName: "Helpful Hana" });
    const theirs = await createOrganisation(db, { adminId: stranger.id, members: [{ id: helper.id, listed: true }] });
    const unlisted = await createOrganisation(db, { adminId: stranger.id, members: [{ id: helper.id, listed: false }] });
    const notTheirs = await createOrganisation(db, { adminId: stranger.id });
    const found = await call(manageLoader, request(`${manage}?organiser=Helpful`, { cookie: lead.cookie }), p);
    expect(found.data.candidates).toEqual([{ id: helper.id, name: "Helpful Hana", organisations: [{ id: theirs.id, name: expect.any(String) }] }]);
    const refused = await call(manageAction, request(manage, { form: { intent: "add-organiser", memberId: String(helper.id), organisationId: String(notTheirs.id) }, cookie: lead.cookie }), p);
    expect(refused.data.errors.form).toMatch(/verified organisation they belong to/);
    // An unlisted membership is neither offered (above) nor accepted.
    const hidden = await call(manageAction, request(manage, { form: { intent: "add-organiser", memberId: String(helper.id), organisationId: String(unlisted.id) }, cookie: lead.cookie }), p);
    expect(hidden.data.errors.form).toMatch(/listed in/);
    await call(manageAction, request(manage, { form: { intent: "add-organiser", memberId: String(helper.id), organisationId: String(theirs.id) }, cookie: lead.cookie }), p);
    expect((await call(manageLoader, request(manage, { cookie: helper.cookie }), p)).status).toBe(200);

    // Posting: bad input is explained and kept; Markdown is sanitised on the public page.
    const bad = await call(manageAction, request(manage, { form: { intent: "entry", kind: "update", headline: "", text: "Kept", link: "javascript:alert(1)", happenedOn: "yesterday" }, cookie: helper.cookie }), p);
    expect(bad.data.errors).toMatchObject({ headline: "Enter a headline", link: "Enter a full web address starting with https://", happenedOn: "Enter a real date, for example 27 3 2027" });
    expect(bad.data.values.text).toBe("Kept");
    const postedEntry = await call(manageAction, request(manage, { form: { intent: "entry", kind: "meeting_held", headline: "Met the minister", text: "We **met** them.<script>alert(1)</script>", link: "https://example.org/notes", happenedOn: "20 11 2026" }, cookie: helper.cookie }), p);
    // Back to the entry itself, which an organiser sees confirmed in place; a visitor with the same address sees no confirmation.
    const entryId = Number(postedEntry.location!.split("#update-")[1]);
    expect(postedEntry.location).toBe(`/campaigns/${id}?posted=${entryId}#update-${entryId}`);
    expect((await call(pageLoader, request(`/campaigns/${id}?posted=${entryId}`, { cookie: helper.cookie }), p)).data.posted).toBe(entryId);
    expect((await call(pageLoader, request(`/campaigns/${id}?posted=${entryId}`), p)).data.posted).toBeNull();
    const page = await call(pageLoader, request(`/campaigns/${id}`), p);
    expect(page.status).toBe(200);
    const meeting = page.data.timeline.find((e: { kind: string }) => e.kind === "meeting_held");
    // The date was typed the UK way (day month year) and stored as a calendar date.
    expect(meeting).toMatchObject({ title: "Met the minister", author_name: "Helpful Hana", link: "https://example.org/notes", happened_on: "2026-11-20" });
    expect(meeting.html).toContain("<strong>met</strong>");
    expect(meeting.html).not.toContain("<script");
    expect(page.data.can).toEqual({ manage: false, dashboard: false });
    expect(page.data.organisers.map((o: { display_name: string; organisation_name: string | null }) => [o.display_name, Boolean(o.organisation_name)])).toEqual([
      ["Lead Organiser", false],
      ["Helpful Hana", true],
    ]);

    const dashboard = await call(dashboardLoader, request(`/campaigns/${id}/dashboard`, { cookie: lead.cookie }), p);
    expect(dashboard.data.figures).toMatchObject({ organisers: 2, partners: 0, entries: 2 });
    expect(dashboard.data.weeks.reduce((n: number, w: { count: number }) => n + w.count, 0)).toBe(2);

    // Ending asks first: nothing changes until the confirmation is posted.
    const ask = await call(manageAction, request(manage, { form: { intent: "end", outcome: "won", result: "The policy changed" }, cookie: lead.cookie }), p);
    expect(ask.data.confirmEnd).toMatchObject({ outcome: "won", result: "The policy changed" });
    expect(await stageOf(demandId)).toBe("campaigning");
    const won = await call(manageAction, request(manage, { form: { intent: "end", outcome: "won", result: "The policy changed", confirmed: "yes" }, cookie: lead.cookie }), p);
    expect(won.status).toBe(302);
    expect(await stageOf(demandId)).toBe("won");
    const log = await db.selectFrom("demand_event").select(["from_stage", "to_stage", "reason"]).where("demand_id", "=", demandId).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(log).toEqual({ from_stage: "campaigning", to_stage: "won", reason: "The policy changed" });
    // An ended campaign is read-only; its page and dashboard stay.
    expect((await call(manageLoader, request(manage, { cookie: lead.cookie }), p)).status).toBe(403);
    expect((await call(manageAction, request(manage, { form: { intent: "end", outcome: "closed", result: "Again", confirmed: "yes" }, cookie: admin.cookie }), p)).status).toBe(403);
    expect((await call(pageLoader, request(`/campaigns/${id}`), p)).data.campaign.status).toBe("won");
    expect((await call(dashboardLoader, request(`/campaigns/${id}/dashboard`, { cookie: lead.cookie }), p)).status).toBe(200);

    // The list filters by topic and by active or past; the overview is for admins.
    const past = await call(listLoader, request("/campaigns?show=past&topic=work"));
    expect(past.data.campaigns.map((c: { id: number }) => c.id)).toContain(id);
    expect((await call(listLoader, request("/campaigns?show=active&topic=work"))).data.campaigns.map((c: { id: number }) => c.id)).not.toContain(id);
    expect((await call(listLoader, request("/campaigns?topic=housing"))).data.campaigns.map((c: { id: number }) => c.id)).not.toContain(id);
    expect((await call(overviewLoader, request("/admin/campaigns", { cookie: lead.cookie }))).status).toBe(403);
    const overview = await call(overviewLoader, request("/admin/campaigns", { cookie: admin.cookie }));
    expect(overview.data.campaigns.find((c: { id: number }) => c.id === id)).toMatchObject({ status: "won", organisers: 2, partners: 0, updates: 0 });
  });
});
