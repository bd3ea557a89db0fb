import { describe, expect, it } from "vitest";
import { db } from "../../db";
import { createDemand, createMember, openDemandForVoting } from "../support/builders";
import { loader as homeLoader } from "../../app/routes/_index";
import { loader as welcomeLoader } from "../../app/routes/welcome";
import { action as perspectivesAction } from "../../app/routes/settings_.perspectives";
import { action as signInAction } from "../../app/routes/sign-in";
import { castVote, openConsultation, proposeAmendment } from "../../app/services/demand.server";
import { call, cookieFrom, request } from "./http";

async function signedIn(spec: Parameters<typeof createMember>[1] = {}) {
  const member = await createMember(db, spec);
  const outcome = await call(signInAction, request("/sign-in", { form: { intent: "password", email: member.email, password: "correct horse battery" } }));
  return { ...member, cookie: cookieFrom(outcome.setCookies) };
}

describe("what needs your input", () => {
  it("lists votes the member has not cast, amendments awaiting them as an author, open consultations and their drafts; visitors get the about page", async () => {
    const me = await signedIn({ displayName: "Needs Input Tester" });
    const admin = await createMember(db, { roles: ["admin"] });
    const other = await createMember(db);
    const unvoted = await createDemand(db, { authorId: other.id, title: "A vote I have not cast yet" });
    const voted = await createDemand(db, { authorId: other.id, title: "A vote I already cast" });
    for (const id of [unvoted, voted]) await openDemandForVoting(db, id, admin.id);
    await castVote(db, voted, me.id, { choice: "support", reason: null, reasonPublic: false });
    const mine = await createDemand(db, { authorId: me.id, title: "My demand with an amendment waiting" });
    await openConsultation(db, mine, me.id, new Date(Date.now() + 86_400_000));
    const amendment = await proposeAmendment(db, mine, other.id, { paragraphIndex: null, proposedText: "A better whole text for this demand.", rationale: "Clearer." });
    if (!amendment.ok) throw new Error("amendment refused");
    const draft = await createDemand(db, { authorId: me.id, title: "My private draft" });

    const page = await call(homeLoader, request("/", { cookie: me.cookie }));
    expect(page.data.member.name).toBe("Needs Input Tester");
    const { votes, amendments, consultations, drafts } = page.data.needs;
    expect(votes.map((v: { id: number }) => v.id)).toContain(unvoted);
    expect(votes.map((v: { id: number }) => v.id)).not.toContain(voted);
    expect(amendments.map((a: { id: number }) => a.id)).toEqual([amendment.id]);
    expect(consultations.map((c: { id: number }) => c.id)).toContain(mine);
    expect(drafts.map((d: { id: number }) => d.id)).toEqual([draft]);

    // Someone else's home page shows neither my amendment queue nor my draft.
    const stranger = await signedIn();
    const theirs = (await call(homeLoader, request("/", { cookie: stranger.cookie }))).data.needs;
    expect(theirs.amendments).toEqual([]);
    expect(theirs.drafts).toEqual([]);
    expect((await call(homeLoader, request("/"))).data).toMatchObject({ member: null, now: expect.any(Object) });
  });

  it("welcomes only signed-in members, and a perspective answered from the welcome goes on to the home page", async () => {
    expect((await call(welcomeLoader, request("/welcome"))).status).toBe(302);
    const me = await signedIn();
    expect((await call(welcomeLoader, request("/welcome", { cookie: me.cookie }))).status).toBe(200);
    const saved = await call(perspectivesAction, request("/settings/perspectives?welcome=1", { form: { consent: "yes", perspectives: ["supporter"], welcome: "1" }, cookie: me.cookie }));
    expect(saved.location).toBe("/");
    const later = await call(perspectivesAction, request("/settings/perspectives", { form: { consent: "yes", perspectives: ["supporter"] }, cookie: me.cookie }));
    expect(later.location).toBe("/settings/perspectives");
  });
});
